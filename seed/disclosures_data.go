package seed

import (
	"time"

	"github.com/yishi-app/yishi/domain/disclosure"
)

// Amounts here are fen, written with an underscore before the last two
// digits: 38_500_00 is 38,500.00 yuan.

// financeLine is a line of 小古城村's books: what it is, and the fen it
// comes to in each calendar month (January first; 0 when it has none that
// month). The months are calendar months, so the seasons hold whatever
// year the seed runs in.
type financeLine struct {
	Direction disclosure.Direction
	// Category is a code of the chart of accounts; Sub, when set, is a
	// sub-category the committee adds under it.
	Category     string
	Sub          string
	Counterparty string
	Note         string // what the money was for
	Day          int    // of the month; the month's last day when it is shorter
	Fen          [12]int64
}

// every is the same amount each month.
func every(fen int64) [12]int64 {
	var out [12]int64
	for i := range out {
		out[i] = fen
	}
	return out
}

// in is fen in the given months only.
func in(fen int64, months ...time.Month) [12]int64 {
	var out [12]int64
	for _, m := range months {
		out[m-1] = fen
	}
	return out
}

// customCategories are the sub-categories the committee adds to the chart.
var customCategories = []struct{ Parent, Name string }{
	{"operating_income", "集体资产租赁"},
	{"welfare_expense", "环境保洁"},
	{"welfare_expense", "养老服务"},
}

// financeOpening is the balance of the village's account on the first day
// of the first month disclosed.
const financeOpening int64 = 2_186_452_37

// financeBody is what every finance disclosure says besides its figures.
const financeBody = "本期收支已经村务监督委员会审核。原始凭证可在村委会财务室查阅；如有疑问，请在线质询，或向村务监督委员会反映。"

// StoryGarbageFen is what the end-to-end story's committee publishes for
// 垃圾清运 (garbage collection) in the month the seed leaves unpublished,
// the one before the current month (this year's October, when the demo
// runs in November): 37,200.00, twice September's in financeLines, so
// that a resident asks why it doubled.
const StoryGarbageFen int64 = 37_200_00

// financeLines are the village's income and spending through the year:
// 11 to 16 lines a month. September's garbage collection is half
// StoryGarbageFen.
var financeLines = []financeLine{
	// Income.
	{disclosure.Income, "operating_income", "集体资产租赁", "杭州径山竹木制品有限公司", "老村办厂房租金", 5, every(38_500_00)},
	{disclosure.Income, "operating_income", "", "小古城村农家乐协会", "农家乐管理费", 12, [12]int64{
		6_850_00, 11_200_00, 7_300_00, 12_600_00, 14_800_00, 8_400_00, 9_950_00, 10_300_00, 8_150_00, 15_600_00, 9_200_00, 6_400_00}},
	{disclosure.Income, "subsidy_income", "", "径山镇人民政府", "村级组织运转经费补助", 16, in(150_000_00, time.January, time.April, time.July, time.October)},
	{disclosure.Income, "subsidy_income", "", "余杭区农业农村局", "美丽乡村精品村建设补助", 18, in(300_000_00, time.May)},
	{disclosure.Income, "subsidy_income", "", "径山镇人民政府", "垃圾分类考核奖励", 25, in(20_000_00, time.June, time.December)},
	{disclosure.Income, "contract_income", "", "前山茶园承包户（12户）", "茶园承包费", 8, in(86_400_00, time.March)},
	{disclosure.Income, "contract_income", "", "后坞竹林承包户（9户）", "竹林承包费", 10, in(54_000_00, time.December)},
	{disclosure.Income, "investment_income", "", "区强村公司（飞地抱团项目）", "飞地抱团项目分红", 20, in(420_000_00, time.January, time.July)},
	{disclosure.Income, "other_income", "", "杭州余杭农村商业银行径山支行", "存款利息", 21, [12]int64{
		time.March - 1: 2_386_45, time.June - 1: 2_412_08, time.September - 1: 2_451_77, time.December - 1: 2_397_30}},

	// Spending.
	{disclosure.Expense, "welfare_expense/garbage", "", "杭州径山环卫服务有限公司", "生活垃圾清运费", 26, [12]int64{
		18_900_00, 21_300_00, 18_200_00, 18_600_00, 19_800_00, 18_600_00, 19_200_00, 19_500_00, StoryGarbageFen / 2, 18_900_00, 18_600_00, 18_900_00}},
	{disclosure.Expense, "welfare_expense", "环境保洁", "村保洁员（6人）", "保洁员工资", 10, [12]int64{
		24_600_00, 27_600_00, 24_600_00, 24_600_00, 24_600_00, 24_600_00, 24_600_00, 24_600_00, 24_600_00, 24_600_00, 24_600_00, 24_600_00}},
	{disclosure.Expense, "welfare_expense/lighting", "", "国网杭州市余杭区供电公司", "路灯电费", 15, [12]int64{
		4_218_40, 3_956_20, 3_702_80, 3_315_60, 3_048_90, 2_876_30, 2_912_50, 3_120_60, 3_268_70, 3_597_10, 3_904_50, 4_305_20}},
	{disclosure.Expense, "admin_expense", "", "国网杭州市余杭区供电公司", "党群服务中心电费", 15, [12]int64{
		3_150_20, 2_680_50, 2_240_30, 1_980_60, 2_350_80, 3_460_20, 4_105_70, 4_280_00, 3_320_40, 2_150_90, 2_260_30, 3_080_60}},
	{disclosure.Expense, "welfare_expense", "养老服务", "径山镇居家养老服务中心", "老年助餐补贴", 20, [12]int64{
		8_640_00, 8_820_00, 8_640_00, 8_460_00, 8_640_00, 8_640_00, 8_280_00, 8_280_00, 8_640_00, 9_120_00, 9_120_00, 9_300_00}},
	{disclosure.Expense, "admin_expense/pay", "", "村两委干部（7人）", "村干部基本报酬", 5, every(52_500_00)},
	{disclosure.Expense, "admin_expense/office", "", "杭州径山文具办公用品商行", "办公用品", 18, [12]int64{
		1_864_50, 926_00, 1_238_00, 1_512_40, 1_087_00, 1_356_80, 968_50, 1_174_00, 1_640_20, 1_295_00, 1_083_60, 2_146_30}},
	{disclosure.Expense, "admin_expense/office", "", "中国电信杭州分公司", "宽带及电话费", 22, every(399_00)},
	{disclosure.Expense, "admin_expense/office", "", "杭州余杭径山广告印刷部", "村务公开栏及宣传资料印刷", 8, in(1_860_00, time.January, time.April, time.July, time.October)},
	{disclosure.Expense, "other_expense", "", "杭州余杭农村商业银行径山支行", "银行手续费", 28, every(45_00)},
	{disclosure.Expense, "welfare_expense/roads", "", "杭州径山公路养护有限公司", "村道坑洼修补", 20, [12]int64{
		time.March - 1: 12_860_00, time.June - 1: 8_450_00, time.August - 1: 15_300_00, time.November - 1: 9_600_00}},
	{disclosure.Expense, "welfare_expense/greenery", "", "杭州余杭绿苑园林工程有限公司", "绿化养护", 24, [12]int64{
		time.March - 1: 16_800_00, time.June - 1: 9_200_00, time.September - 1: 9_200_00, time.December - 1: 7_500_00}},
	{disclosure.Expense, "welfare_expense/water", "", "径山镇水利服务站", "沟渠清淤及山塘检查", 14, [12]int64{
		time.April - 1: 18_500_00, time.June - 1: 6_200_00, time.September - 1: 4_800_00}},
	{disclosure.Expense, "operating_expense", "", "杭州径山建筑工程队", "老村办厂房维修", 23, [12]int64{
		time.April - 1: 23_600_00, time.November - 1: 5_480_00}},
	{disclosure.Expense, "welfare_expense", "", "困难群众（23户）", "春节走访慰问金", 25, in(34_500_00, time.January)},
	{disclosure.Expense, "welfare_expense", "", "80岁以上老人（46人）", "重阳节慰问金", 9, in(23_000_00, time.October)},
}

// financeSlip is the entry error of the year: in August the amounts of two
// lines were swapped. A resident asks about it, the committee answers, and
// a correction swaps them back; the totals do not change, so the chain of
// balances holds.
var financeSlip = struct {
	Month  time.Month
	A, B   string // the lines' notes
	Reason string
}{
	Month: time.August, A: "路灯电费", B: "党群服务中心电费",
	Reason: "经核对凭证，路灯电费与党群服务中心电费两项金额录入时互换，现予更正；本期收支合计及期末余额不变。",
}

// villageAffairs are the quarterly village-affairs disclosures, by quarter
// of the year (1–4). Names of households are given as notices give them,
// surname and 某某.
var villageAffairs = map[int]string{
	1: `一、集体经济项目进展
飞地抱团项目分红 42 万元已到账；前山茶园 12 户承包合同续签完成，承包费 8.64 万元已入账；老村办厂房出租正常，租金按月收取。

二、低保和救助
本季度在册低保 5 户 7 人、低保边缘 3 户 5 人，按标准按月发放。春节前走访慰问困难群众 23 户，发放慰问金 3.45 万元。溪口片陈某某家因病申请临时救助，经审核由镇民政办发放 3,000 元。

三、宅基地审批
本季度受理农户建房申请 2 户，经村民代表会议讨论、公示无异议后报镇审批：前山组章某某（原址翻建），后坞组孙某某（危房改造）。

四、其他
开展春季植树和沟渠清淤；村民议事会本季度召开 2 次。`,
	2: `一、集体经济项目进展
美丽乡村精品村建设补助 30 万元已到位，用于古城片村道沿线环境提升，设计方案已完成；老村办厂房屋面维修完工。

二、低保和救助
在册低保 5 户 7 人。石门片俞某某家庭收入超过标准，经复核停保；茶园组杨某某家新增低保边缘 1 户 2 人。

三、宅基地审批
上季度受理的 2 户已获镇政府批准，正在办理乡村建设规划许可；本季度新受理 1 户（新村片何某某，分户新建），公示中。

四、其他
汛前完成山塘、沟渠安全检查，储备防汛物资；垃圾分类工作获镇考核奖励 2 万元。`,
	3: `一、集体经济项目进展
飞地抱团项目分红 42 万元已到账；古城片至溪口片村道硬化工程完成勘察设计，将提交村民代表会议讨论；原竹制品厂闲置厂房招租方案正在拟定。

二、低保和救助
在册低保 4 户 6 人。台风期间溪口组、上溪组 2 户房屋受损，由镇民政办发放临时救助共 4,000 元。

三、宅基地审批
新村片何某某建房申请已获镇政府批准；本季度无新增申请。

四、其他
台风过后修复村道塌方 2 处；暑期组织大学生志愿者开展“小古城讲解员”活动。`,
	4: `一、集体经济项目进展
竹林承包费 5.4 万元已收取；老村办厂房维修完成；年度集体经济收入目标预计完成。

二、低保和救助
在册低保 4 户 6 人，年度复核完成，无变动。重阳节慰问 80 岁以上老人 46 人，发放慰问金 2.3 万元。

三、宅基地审批
本季度受理建房申请 1 户（塘边组沈某某，原址翻建），已报镇审批。

四、其他
开展冬季森林防火巡查；年终村务、财务公开接受村务监督委员会审核。`,
}

// partyMembers and partyDuesPerMonth are the figures of the dues notice.
const (
	partyMembers      = 68
	partyDuesPerMonth = 1_362_00
)

// partyDevelopment is the notice of the new candidates for membership,
// decided by the branch committee DaysAgo days before today and published
// the day after.
var partyDevelopment = struct {
	DaysAgo     int
	Title, Body string
}{
	DaysAgo: 9,
	Title:   "关于确定党员发展对象的公示",
	Body: `经党小组推荐、党总支委员会研究，拟确定以下 2 名同志为发展对象：
姚某某，男，大学本科，古城二组，已列为入党积极分子满一年；
沈某某，女，大专，上溪组，已列为入党积极分子满一年。
公示期为 5 个工作日。如有意见，请向村党总支或径山镇党委组织办反映。`,
}

// powerItems are the two exercises of small powers: a road-repair tender
// and an asset lease, each decided by the villagers' representatives
// DaysAgo days before today and published Lag days later, well within
// the 10 days they are due in.
var powerItems = []struct {
	Key          string
	DaysAgo, Lag int
	Title        string
	Body         string
	Decision     disclosure.Power
}{
	{
		Key: "road", DaysAgo: 13, Lag: 2, Title: "古城片至溪口片村道硬化工程招标结果公示",
		Body: "古城片至溪口片村道全长 1.2 公里、路面宽 4.5 米，由砂石路面硬化为水泥混凝土路面。项目经村民代表会议通过后，委托径山镇公共资源交易平台公开招标，3 家单位投标，经评标委员会评审，确定中标单位如下。施工期间分段半幅施工，绕行示意图将在各组公示栏张贴。",
		Decision: disclosure.Power{
			Decision:  "确定杭州径溪路桥工程有限公司为古城片至溪口片村道硬化工程中标单位，中标价 867,500.00 元，工期 60 天。",
			DecidedBy: "村民代表会议",
			Basis:     "《小古城村小微权力清单》村级工程项目建设事项；村民代表会议决议；径山镇公共资源交易平台评标结果。",
			Amount:    867_500_00,
		},
	},
	{
		Key: "lease", DaysAgo: 6, Lag: 1, Title: "村集体闲置厂房出租结果公示",
		Body: "原竹制品厂闲置厂房位于石门片，建筑面积 1,280 平方米，闲置两年。出租方案经村民代表会议通过后，在径山镇农村产权交易平台公开竞价，2 家单位报名，结果如下。租金按年预收，纳入村集体经营收入。",
		Decision: disclosure.Power{
			Decision:  "原竹制品厂闲置厂房出租给杭州径山茶韵文化发展有限公司，租期 5 年，首年租金 268,000.00 元，此后每年递增 3%。",
			DecidedBy: "村民代表会议",
			Basis:     "《小古城村小微权力清单》集体资产资源租赁事项；村民代表会议决议；径山镇农村产权交易平台竞价结果。",
			Amount:    268_000_00,
		},
	},
}

// fate is what becomes of a question the seed asks.
type fate int

// Fates of questions, as the days after the one it was asked on go by.
const (
	answeredOnTime fate = iota // the committee answers on day answerDay
	answeredLate               // escalated on day 8, the committee answers on day lateAnswerDay
	followedUp                 // escalated on day 8, the supervision committee follows it up on day followUpDay
	leftEscalated              // escalated on day 8, nothing since
	leftOpen                   // asked a few days ago, not yet due
)

// questionSpec is a resident's question on a published version (named by
// the key the seed keeps it under), asked DaysAgo days before today at
// the hour and minute At, and what becomes of it: Reply is the answer, or
// the supervision committee's follow-up note, by ReplyBy.
type questionSpec struct {
	By, On, Text string
	DaysAgo      int
	At           [2]int
	Fate         fate
	ReplyBy      string
	Reply        string
}

// questions are the residents' questions besides the one on August's
// slip, which the seed writes from the figures. The versions they are on
// were published more than 20 days before today (the last finance month
// and the last quarter, on the 5th to the 8th of a month before this one)
// or, for the power items, before the question.
var questions = []questionSpec{
	{By: "pan.suzhen@xiaogucheng.example", On: "village-last", DaysAgo: 19, At: [2]int{19, 40}, Text: "申请低保需要准备哪些材料？到哪里办理？",
		Fate: answeredOnTime, ReplyBy: committeeMember, Reply: "请携带户口簿、身份证、家庭收入和财产情况说明，到村党群服务中心便民窗口申请，村里协助填写后报镇民政办审核。行动不便的可以请网格员上门代办。"},
	{By: "yao.wei@xiaogucheng.example", On: "finance-last", DaysAgo: 18, At: [2]int{21, 5}, Text: "农家乐管理费是按什么标准收取的？每家都一样吗？",
		Fate: answeredLate, ReplyBy: director, Reply: "农家乐管理费按《小古城村农家乐管理办法》由农家乐协会统一收取：每户每月按床位数分三档（10 张以下、10 至 20 张、20 张以上），旺季另按接待量结算，所以每月金额不同。收费明细在村委会财务室可查。这次答复超过了 7 天，向您致歉。"},
	{By: "zhang.zhiqiang@xiaogucheng.example", On: "village-last", DaysAgo: 16, At: [2]int{8, 50}, Text: "宅基地建房申请的先后顺序是怎么定的？",
		Fate: followedUp, ReplyBy: supervisor, Reply: "村务监督委员会已请村委会书面说明宅基地建房申请的受理和排序规则，并将在下次村民代表会议上公开答复。我们会跟进到答复为止。"},
	{By: "yu.jianguo@xiaogucheng.example", On: "road", DaysAgo: 9, At: [2]int{12, 30}, Text: "村道硬化什么时候开工？施工期间车辆怎么通行？",
		Fate: answeredOnTime, ReplyBy: director, Reply: "计划下月初开工，工期 60 天。施工分段半幅进行，保证车辆单向通行；开工前在各组公示栏张贴绕行示意图，并在村民群里通知。"},
	{By: "jiang.deming@xiaogucheng.example", On: "finance-last", DaysAgo: 12, At: [2]int{20, 20}, Text: "保洁员工资是按什么标准发的？6 名保洁员有没有考核？",
		Fate: leftEscalated},
	{By: "chen.guifang@xiaogucheng.example", On: "lease", DaysAgo: 3, At: [2]int{9, 15}, Text: "厂房出租后，承租方能不能转租？消防安全由谁负责？",
		Fate: leftOpen},
}
