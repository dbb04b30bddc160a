package seed

import (
	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
)

// placeSpec is one community of the demo data with its street, grids and
// people. Grid and micro-grid positions are indexes into Grids and Micro.
type placeSpec struct {
	Street     string
	StreetCode string // 统一地址库 code of the street or town
	Name       string
	Kind       community.Kind
	Code       string // 统一地址库 code of the community
	Grids      []gridSpec
	// Admin creates the community and so becomes its first admin and a
	// resident; Admin.Roles are granted on top.
	Admin personSpec
	// Staff join before the residents and are given their roles first.
	Staff     []personSpec
	Residents []personSpec
	// Assisted residents have no email; a grid worker of their grid
	// registers them.
	Assisted []assistedSpec
	// Settings, when set, are applied by the admin.
	Settings *community.SettingsUpdate
}

// gridSpec is a grid with its micro-grids. Codes are unique within the
// community.
type gridSpec struct {
	Name  string
	Code  string
	Micro []microSpec
}

// microSpec is a micro-grid: a 村民小组, building or stairwell.
type microSpec struct {
	Name string
	Code string
}

// personSpec is a demo account. Title is the person's post, for readers of
// the data; the domain has no place for it.
type personSpec struct {
	Name  string
	Email string
	Title string
	Grid  int // where they live
	Micro int
	Roles []domain.Role // besides resident
	Works []int         // grids they work for as a grid worker
}

// assistedSpec is a resident without email or password, usually elderly.
type assistedSpec struct {
	Name  string
	Age   int // for readers of the data
	Phone string
	Grid  int
	Micro int
}

func intp(n int) *int { return &n }

// village is 小古城村 of 径山镇, 余杭区: the home of "众人的事情由众人商量".
// Its grids are named after its 片 (groups of natural villages); its
// micro-grids are 村民小组, and in the new settlement, buildings.
var village = placeSpec{
	Street:     "径山镇",
	StreetCode: "330110109",
	Name:       "小古城村",
	Kind:       community.Village,
	Code:       VillageCode,
	Grids: []gridSpec{
		{Name: "第一网格（古城片）", Code: "01", Micro: []microSpec{
			{Name: "古城一组", Code: "01-01"}, {Name: "古城二组", Code: "01-02"}, {Name: "古城三组", Code: "01-03"},
		}},
		{Name: "第二网格（溪口片）", Code: "02", Micro: []microSpec{
			{Name: "溪口组", Code: "02-01"}, {Name: "上溪组", Code: "02-02"},
		}},
		{Name: "第三网格（前山片）", Code: "03", Micro: []microSpec{
			{Name: "前山组", Code: "03-01"}, {Name: "茶园组", Code: "03-02"}, {Name: "竹林组", Code: "03-03"},
		}},
		{Name: "第四网格（后坞片）", Code: "04", Micro: []microSpec{
			{Name: "后坞组", Code: "04-01"}, {Name: "里坞组", Code: "04-02"},
		}},
		{Name: "第五网格（石门片）", Code: "05", Micro: []microSpec{
			{Name: "石门组", Code: "05-01"}, {Name: "塘边组", Code: "05-02"}, {Name: "桥头组", Code: "05-03"},
		}},
		{Name: "第六网格（新村片）", Code: "06", Micro: []microSpec{
			{Name: "新村1幢", Code: "06-01"}, {Name: "新村2幢", Code: "06-02"}, {Name: "老街组", Code: "06-03"},
		}},
	},
	Admin: personSpec{Name: "沈丽萍", Email: "shen.liping@xiaogucheng.example", Title: "村务工作者（平台管理员）", Grid: -1},
	Staff: []personSpec{
		{Name: "俞国强", Email: "yu.guoqiang@xiaogucheng.example", Title: "村党总支书记", Grid: 0, Micro: 0,
			Roles: []domain.Role{domain.RoleParty, domain.RolePartyMember, domain.RoleCommittee}},
		{Name: "姚建明", Email: "yao.jianming@xiaogucheng.example", Title: "村委会主任", Grid: 1, Micro: 0,
			Roles: []domain.Role{domain.RoleCommittee}},
		{Name: "章美芳", Email: "zhang.meifang@xiaogucheng.example", Title: "村委委员、妇女主任", Grid: 3, Micro: 1,
			Roles: []domain.Role{domain.RoleCommittee}},
		{Name: "褚卫民", Email: "chu.weimin@xiaogucheng.example", Title: "村务监督委员会主任", Grid: 5, Micro: 0,
			Roles: []domain.Role{domain.RoleSupervisor}},
		{Name: "钱晓燕", Email: "qian.xiaoyan@xiaogucheng.example", Title: "专职网格员（一至三网格）", Grid: 2, Micro: 0,
			Roles: []domain.Role{domain.RoleGridWorker}, Works: []int{0, 1, 2}},
		{Name: "陈志刚", Email: "chen.zhigang@xiaogucheng.example", Title: "专职网格员（四至六网格）", Grid: 4, Micro: 0,
			Roles: []domain.Role{domain.RoleGridWorker}, Works: []int{3, 4, 5}},
	},
	Residents: []personSpec{
		{Name: "俞建国", Email: "yu.jianguo@xiaogucheng.example", Grid: 0, Micro: 0},
		{Name: "沈月娥", Email: "shen.yuee@xiaogucheng.example", Grid: 0, Micro: 0},
		{Name: "姚伟", Email: "yao.wei@xiaogucheng.example", Grid: 0, Micro: 1},
		{Name: "潘素珍", Email: "pan.suzhen@xiaogucheng.example", Grid: 0, Micro: 1},
		{Name: "褚国平", Email: "chu.guoping@xiaogucheng.example", Grid: 0, Micro: 2},
		{Name: "俞晓丽", Email: "yu.xiaoli@xiaogucheng.example", Grid: 0, Micro: 2},

		{Name: "陈桂芳", Email: "chen.guifang@xiaogucheng.example", Grid: 1, Micro: 0},
		{Name: "王海军", Email: "wang.haijun@xiaogucheng.example", Grid: 1, Micro: 0},
		{Name: "方红英", Email: "fang.hongying@xiaogucheng.example", Grid: 1, Micro: 1},
		{Name: "沈永明", Email: "shen.yongming@xiaogucheng.example", Grid: 1, Micro: 1},
		{Name: "徐丽华", Email: "xu.lihua@xiaogucheng.example", Grid: 1, Micro: 0},

		{Name: "章志强", Email: "zhang.zhiqiang@xiaogucheng.example", Grid: 2, Micro: 0},
		{Name: "杨秀兰", Email: "yang.xiulan@xiaogucheng.example", Grid: 2, Micro: 1},
		{Name: "朱建林", Email: "zhu.jianlin@xiaogucheng.example", Grid: 2, Micro: 1},
		{Name: "吴美华", Email: "wu.meihua@xiaogucheng.example", Grid: 2, Micro: 2},
		{Name: "蒋德明", Email: "jiang.deming@xiaogucheng.example", Grid: 2, Micro: 2},
		{Name: "钱雨涵", Email: "qian.yuhan@xiaogucheng.example", Grid: 2, Micro: 0},

		{Name: "孙国华", Email: "sun.guohua@xiaogucheng.example", Grid: 3, Micro: 0},
		{Name: "胡玉梅", Email: "hu.yumei@xiaogucheng.example", Grid: 3, Micro: 0},
		{Name: "俞成林", Email: "yu.chenglin@xiaogucheng.example", Grid: 3, Micro: 1},
		{Name: "郑小红", Email: "zheng.xiaohong@xiaogucheng.example", Grid: 3, Micro: 1},
		{Name: "姚佳怡", Email: "yao.jiayi@xiaogucheng.example", Grid: 3, Micro: 1},

		{Name: "沈建新", Email: "shen.jianxin@xiaogucheng.example", Grid: 4, Micro: 0},
		{Name: "冯彩娟", Email: "feng.caijuan@xiaogucheng.example", Grid: 4, Micro: 1},
		{Name: "金伟强", Email: "jin.weiqiang@xiaogucheng.example", Grid: 4, Micro: 2},
		{Name: "陆春燕", Email: "lu.chunyan@xiaogucheng.example", Grid: 4, Micro: 2},
		{Name: "章浩", Email: "zhang.hao@xiaogucheng.example", Grid: 4, Micro: 0},
		{Name: "周凤仙", Email: "zhou.fengxian@xiaogucheng.example", Grid: 4, Micro: 1},

		{Name: "俞志华", Email: "yu.zhihua@xiaogucheng.example", Title: "“和事佬”调解员", Grid: 5, Micro: 0, Roles: []domain.Role{domain.RoleMediator}},
		{Name: "何晓峰", Email: "he.xiaofeng@xiaogucheng.example", Grid: 5, Micro: 0},
		{Name: "邵丽娟", Email: "shao.lijuan@xiaogucheng.example", Grid: 5, Micro: 1},
		{Name: "姚子轩", Email: "yao.zixuan@xiaogucheng.example", Grid: 5, Micro: 1},
		{Name: "潘金娣", Email: "pan.jindi@xiaogucheng.example", Grid: 5, Micro: 2},
		{Name: "沈雨欣", Email: "shen.yuxin@xiaogucheng.example", Grid: 5, Micro: 2},
	},
	Assisted: []assistedSpec{
		{Name: "俞阿毛", Age: 87, Grid: 0, Micro: 0},
		{Name: "沈桂英", Age: 83, Phone: "13800001002", Grid: 1, Micro: 1},
		{Name: "姚金宝", Age: 89, Phone: "0571-88000003", Grid: 2, Micro: 2},
		{Name: "章凤英", Age: 81, Phone: "13800001004", Grid: 3, Micro: 0},
		{Name: "钱杏娣", Age: 85, Grid: 4, Micro: 1},
		{Name: "沈阿四", Age: 90, Phone: "13800001006", Grid: 5, Micro: 2},
	},
	Settings: &community.SettingsUpdate{SupportThreshold: intp(10), SupportWindowDays: intp(30)},
}

// urban is 青春坊社区 of 武林街道, 拱墅区 (formerly 下城区), the home of the
// "武林大妈": an old residential estate with an owners' committee and a
// property firm, the other two parties of 三方联动.
var urban = placeSpec{
	Street:     "武林街道",
	StreetCode: "330105005",
	Name:       "青春坊社区",
	Kind:       community.Urban,
	Code:       "330105005012",
	Grids: []gridSpec{
		{Name: "第一网格", Code: "01", Micro: []microSpec{
			{Name: "1幢1单元", Code: "01-1"}, {Name: "1幢2单元", Code: "01-2"}, {Name: "2幢", Code: "01-3"},
		}},
		{Name: "第二网格", Code: "02", Micro: []microSpec{
			{Name: "3幢", Code: "02-1"}, {Name: "4幢", Code: "02-2"},
		}},
		{Name: "第三网格", Code: "03", Micro: []microSpec{
			{Name: "5幢", Code: "03-1"}, {Name: "6幢", Code: "03-2"},
		}},
	},
	Admin: personSpec{Name: "林慧敏", Email: "lin.huimin@qingchunfang.example", Title: "社区居委会主任", Grid: -1,
		Roles: []domain.Role{domain.RoleCommittee}},
	Staff: []personSpec{
		{Name: "周卫东", Email: "zhou.weidong@qingchunfang.example", Title: "社区专职网格员", Grid: 0, Micro: 2,
			Roles: []domain.Role{domain.RoleGridWorker}, Works: []int{0, 1, 2}},
		{Name: "吴建国", Email: "wu.jianguo@qingchunfang.example", Title: "青春坊小区业委会主任", Grid: 1, Micro: 0,
			Roles: []domain.Role{domain.RoleOwnersLead, domain.RoleOwnersCommittee}},
		{Name: "何丽娟", Email: "he.lijuan@qingchunfang.example", Title: "杭州青禾物业服务有限公司青春坊项目经理", Grid: 2, Micro: 0,
			Roles: []domain.Role{domain.RolePropertyLead, domain.RolePropertyFirm}},
	},
	Residents: []personSpec{
		{Name: "赵雅琴", Email: "zhao.yaqin@qingchunfang.example", Title: "“武林大妈”巡防队员", Grid: 0, Micro: 0},
		{Name: "孙明", Email: "sun.ming@qingchunfang.example", Grid: 0, Micro: 1},
		{Name: "金美玲", Email: "jin.meiling@qingchunfang.example", Grid: 0, Micro: 2},
		{Name: "黄志远", Email: "huang.zhiyuan@qingchunfang.example", Grid: 1, Micro: 0},
		{Name: "徐雪梅", Email: "xu.xuemei@qingchunfang.example", Grid: 1, Micro: 1},
		{Name: "马俊杰", Email: "ma.junjie@qingchunfang.example", Grid: 2, Micro: 0},
		{Name: "陈秀珍", Email: "chen.xiuzhen@qingchunfang.example", Title: "“和事佬”调解员", Grid: 2, Micro: 1,
			Roles: []domain.Role{domain.RoleMediator}},
	},
}

// places are built in this order. The village comes last: its address
// code is what Load checks to tell whether the demo data is there.
var places = []*placeSpec{&urban, &village}
