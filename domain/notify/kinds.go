package notify

import (
	htmltemplate "html/template"
	"sync"
	"text/template"

	"github.com/yishi-app/yishi/domain"
)

// Kind names a kind of notification.
type Kind string

// Kinds known so far. Later areas add theirs here with a template pair.
const (
	KindEmailVerification   Kind = "email_verification"
	KindPasswordReset       Kind = "password_reset"
	KindSignUp              Kind = "sign_up"        // the link that finishes a sign-up
	KindAccountExists       Kind = "account_exists" // someone signed up with an address that has an account
	KindJoinDecided         Kind = "join_decided"
	KindWeeklyDigest        Kind = "weekly_digest"
	KindSupportWindowEnding Kind = "support_window_ending"
	KindObjectionUnanswered Kind = "objection_unanswered"
	KindMeetingReminder     Kind = "meeting_reminder"
	KindVoteClosing         Kind = "vote_closing"
	KindActionItemDue       Kind = "action_item_due"
	KindActionItemOverdue   Kind = "action_item_overdue"
	KindSatisfaction        Kind = "satisfaction_request"
	KindDisclosureDue       Kind = "disclosure_due"      // a disclosure due within 3 days, to the committee
	KindDisclosureOverdue   Kind = "disclosure_overdue"  // a disclosure past due, to the committee
	KindQuestionUnanswered  Kind = "question_unanswered" // a question on a disclosure open for 5 days, to the committee
	KindQuestionEscalated   Kind = "question_escalated"  // a question escalated on day 8, to the supervisory committee
	KindVolunteerInvited    Kind = "volunteer_invited"   // a coordinator invites a volunteer to a need
	KindVolunteerPromoted   Kind = "volunteer_promoted"  // a waitlisted volunteer got a slot
	KindVolunteerTask       Kind = "volunteer_task"      // a claimed task tomorrow or in an hour, with the place
	KindNeedUnfilled        Kind = "need_unfilled"       // a need with open slots 24 h before its start, to coordinators
	KindNeedCancelled       Kind = "need_cancelled"      // a need cancelled, to the volunteers who claimed it
	KindHoursToConfirm      Kind = "hours_to_confirm"    // tasks whose hours wait for confirmation, to coordinators daily
	KindRateTask            Kind = "rate_task"           // a done task, to the resident helped
	KindPatrolShift         Kind = "patrol_shift"        // a patrol shift tomorrow or in an hour, with the route and team-mates
	KindShiftUnfilled       Kind = "shift_unfilled"      // an open place 48 h ahead, to the captain and the members who may take it
	KindReportUntriaged     Kind = "report_untriaged"    // a patrol report untriaged for 24 h, to the grid's workers
	KindReferralOverdue     Kind = "referral_overdue"    // a referred report past its due date, to the committee
)

// kindSpec says how a kind is sent and what it says.
type kindSpec struct {
	// Urgent kinds ignore quiet hours and cannot be turned off: they answer
	// something the person just did.
	Urgent bool
	// Secret kinds carry a one-time link whose data is wiped once sent.
	Secret bool
	// Personal kinds address the recipient by name, so they are never
	// batched with other recipients.
	Personal bool
	Label    domain.Text
	// Subject, Text and HTML per language; they see the item's Data as .D
	// and the recipient as .R.
	Subject, Text, HTML map[domain.Lang]string
}

// The account kinds go to addresses that someone typed and nobody has
// verified, with a name that person chose: they greet no one by name, so a
// stranger's mailbox never shows an attacker's text.
var kinds = map[Kind]kindSpec{
	KindEmailVerification: {
		Urgent: true, Secret: true, Personal: true,
		Label:   domain.Text{ZH: "邮箱验证", EN: "Email verification"},
		Subject: bi("验证您的议事邮箱", "Verify your Yishi email"),
		Text: bi("您好：\n\n请打开下面的链接，验证您在议事登记的邮箱：\n{{.D.link}}\n\n链接 1 小时内有效，只能使用一次。如果不是您本人操作，请忽略本邮件。",
			"Hello,\n\nPlease open the link below to verify the email you gave Yishi:\n{{.D.link}}\n\nThe link works once, within 1 hour. If this was not you, ignore this email."),
		HTML: bi(`<p>您好：</p><p>请点击下面的链接，验证您在议事登记的邮箱。</p><p><a href="{{.D.link}}">验证邮箱</a></p><p>链接 1 小时内有效，只能使用一次。如果不是您本人操作，请忽略本邮件。</p>`,
			`<p>Hello,</p><p>Please open the link below to verify the email you gave Yishi.</p><p><a href="{{.D.link}}">Verify email</a></p><p>The link works once, within 1 hour. If this was not you, ignore this email.</p>`),
	},
	KindSignUp: {
		Urgent: true, Secret: true, Personal: true,
		Label:   domain.Text{ZH: "完成注册", EN: "Finish signing up"},
		Subject: bi("完成您的议事注册", "Finish signing up to Yishi"),
		Text: bi("您好：\n\n有人用这个邮箱申请注册议事。如果是您本人，请打开下面的链接，输入注册时设置的密码，完成注册：\n{{.D.link}}\n\n链接 24 小时内有效，只能使用一次。如果不是您本人操作，请忽略本邮件，不会有账号建立。",
			"Hello,\n\nSomeone asked to sign up to Yishi with this email. If it was you, open the link below and enter the password you chose to finish:\n{{.D.link}}\n\nThe link works once, within 24 hours. If this was not you, ignore this email; no account is made."),
		HTML: bi(`<p>您好：</p><p>有人用这个邮箱申请注册议事。如果是您本人，请点击下面的链接，输入注册时设置的密码，完成注册。</p><p><a href="{{.D.link}}">完成注册</a></p><p>链接 24 小时内有效，只能使用一次。如果不是您本人操作，请忽略本邮件，不会有账号建立。</p>`,
			`<p>Hello,</p><p>Someone asked to sign up to Yishi with this email. If it was you, open the link below and enter the password you chose to finish.</p><p><a href="{{.D.link}}">Finish signing up</a></p><p>The link works once, within 24 hours. If this was not you, ignore this email; no account is made.</p>`),
	},
	KindAccountExists: {
		Urgent: true, Personal: true,
		Label:   domain.Text{ZH: "账号已存在", EN: "Account exists"},
		Subject: bi("您已有议事账号", "You already have a Yishi account"),
		Text: bi("您好：\n\n有人用这个邮箱申请注册议事，但这个邮箱已经有账号了。如果是您本人，请直接登录；忘记密码可以重设：\n{{.D.link}}\n\n如果不是您本人操作，请忽略本邮件，您的账号没有任何变化。",
			"Hello,\n\nSomeone asked to sign up to Yishi with this email, but it already has an account. If it was you, just log in; if you forgot the password, reset it:\n{{.D.link}}\n\nIf this was not you, ignore this email; nothing changed on your account."),
		HTML: bi(`<p>您好：</p><p>有人用这个邮箱申请注册议事，但这个邮箱已经有账号了。如果是您本人，请直接登录；忘记密码可以重设。</p><p><a href="{{.D.link}}">登录或重设密码</a></p><p>如果不是您本人操作，请忽略本邮件，您的账号没有任何变化。</p>`,
			`<p>Hello,</p><p>Someone asked to sign up to Yishi with this email, but it already has an account. If it was you, just log in; if you forgot the password, reset it.</p><p><a href="{{.D.link}}">Log in or reset the password</a></p><p>If this was not you, ignore this email; nothing changed on your account.</p>`),
	},
	KindPasswordReset: {
		Urgent: true, Secret: true, Personal: true,
		Label:   domain.Text{ZH: "重设密码", EN: "Password reset"},
		Subject: bi("重设您的议事密码", "Reset your Yishi password"),
		Text: bi("您好：\n\n我们收到了重设密码的请求。请打开下面的链接设置新密码：\n{{.D.link}}\n\n链接 1 小时内有效，只能使用一次。如果不是您本人操作，请忽略本邮件，您的密码不会改变。",
			"Hello,\n\nWe received a request to reset your password. Open the link below to choose a new one:\n{{.D.link}}\n\nThe link works once, within 1 hour. If this was not you, ignore this email; your password stays as it is."),
		HTML: bi(`<p>您好：</p><p>我们收到了重设密码的请求。请点击下面的链接设置新密码。</p><p><a href="{{.D.link}}">重设密码</a></p><p>链接 1 小时内有效，只能使用一次。如果不是您本人操作，请忽略本邮件，您的密码不会改变。</p>`,
			`<p>Hello,</p><p>We received a request to reset your password.</p><p><a href="{{.D.link}}">Reset password</a></p><p>The link works once, within 1 hour. If this was not you, ignore this email; your password stays as it is.</p>`),
	},
	KindJoinDecided: {
		Urgent: false, Personal: false,
		Label:   domain.Text{ZH: "入驻申请结果", EN: "Join request decided"},
		Subject: bi("您加入{{.D.community}}的申请{{if eq .D.state \"approved\"}}已通过{{else}}未通过{{end}}", "Your request to join {{.D.community}} was {{.D.state}}"),
		Text: bi("您加入{{.D.community}}的申请{{if eq .D.state \"approved\"}}已通过，欢迎您！{{else}}未通过。理由：{{.D.reason}}{{end}}\n\n{{.D.link}}",
			"Your request to join {{.D.community}} was {{.D.state}}.{{if ne .D.state \"approved\"}} Reason: {{.D.reason}}{{end}}\n\n{{.D.link}}"),
		HTML: bi(`<p>您加入{{.D.community}}的申请{{if eq .D.state "approved"}}已通过，欢迎您！{{else}}未通过。理由：{{.D.reason}}{{end}}</p><p><a href="{{.D.link}}">打开议事</a></p>`,
			`<p>Your request to join {{.D.community}} was {{.D.state}}.{{if ne .D.state "approved"}} Reason: {{.D.reason}}{{end}}</p><p><a href="{{.D.link}}">Open Yishi</a></p>`),
	},
	KindSupportWindowEnding: {
		Label:   domain.Text{ZH: "附议即将截止", EN: "Support window ending"},
		Subject: bi("您提出的议题“{{.D.title}}”还有 3 天截止附议", "3 days left for supports on “{{.D.title}}”"),
		Text:    bi("您提出的议题“{{.D.title}}”的附议期还有 3 天结束。可以请邻居们看看并附议：\n{{.D.link}}", "The support window of your topic “{{.D.title}}” ends in 3 days. Ask your neighbours to have a look:\n{{.D.link}}"),
		HTML:    bi(`<p>您提出的议题“{{.D.title}}”的附议期还有 3 天结束。</p><p><a href="{{.D.link}}">查看议题</a></p>`, `<p>The support window of your topic “{{.D.title}}” ends in 3 days.</p><p><a href="{{.D.link}}">See the topic</a></p>`),
	},
	KindObjectionUnanswered: {
		Label:   domain.Text{ZH: "异议待答复", EN: "Objection awaiting an answer"},
		Subject: bi("有一条对决议的异议已两天未答复", "An objection has waited two days for an answer"),
		Text:    bi("决议“{{.D.resolution}}”公示期间收到的一条异议已经两天没有答复，请尽快答复。", "An objection to the resolution “{{.D.resolution}}” has waited two days for the committee's answer."),
		HTML:    bi(`<p>决议“{{.D.resolution}}”公示期间收到的一条异议已经两天没有答复，请尽快答复。</p>`, `<p>An objection to the resolution “{{.D.resolution}}” has waited two days for the committee's answer.</p>`),
	},
	KindMeetingReminder: {
		Label:   domain.Text{ZH: "会议提醒", EN: "Meeting reminder"},
		Subject: bi("会议提醒：{{.D.title}}（{{.D.time}}）", "Meeting: {{.D.title}} ({{.D.time}})"),
		Text:    bi("{{.D.title}}\n时间：{{.D.time}}\n地点：{{.D.place}}\n议程：{{.D.agenda}}\n\n{{.D.link}}", "{{.D.title}}\nWhen: {{.D.time}}\nWhere: {{.D.place}}\nAgenda: {{.D.agenda}}\n\n{{.D.link}}"),
		HTML:    bi(`<p><strong>{{.D.title}}</strong></p><p>时间：{{.D.time}}<br>地点：{{.D.place}}<br>议程：{{.D.agenda}}</p><p><a href="{{.D.link}}">查看会议</a></p>`, `<p><strong>{{.D.title}}</strong></p><p>When: {{.D.time}}<br>Where: {{.D.place}}<br>Agenda: {{.D.agenda}}</p><p><a href="{{.D.link}}">See the meeting</a></p>`),
	},
	KindVoteClosing: {
		Label:   domain.Text{ZH: "表决即将截止", EN: "Vote closing"},
		Subject: bi("表决还有 24 小时截止：{{.D.motion}}", "Voting closes in 24 hours: {{.D.motion}}"),
		Text:    bi("动议“{{.D.motion}}”的表决将于 {{.D.deadline}} 截止，您还没有投票。\n{{.D.link}}", "Voting on “{{.D.motion}}” closes at {{.D.deadline}} and you have not voted yet.\n{{.D.link}}"),
		HTML:    bi(`<p>动议“{{.D.motion}}”的表决将于 {{.D.deadline}} 截止，您还没有投票。</p><p><a href="{{.D.link}}">去投票</a></p>`, `<p>Voting on “{{.D.motion}}” closes at {{.D.deadline}} and you have not voted yet.</p><p><a href="{{.D.link}}">Vote</a></p>`),
	},
	KindActionItemDue: {
		Label:   domain.Text{ZH: "事项即将到期", EN: "Action item due soon"},
		Subject: bi("事项 3 天后到期：{{.D.title}}", "Due in 3 days: {{.D.title}}"),
		Text:    bi("您负责的决议事项“{{.D.title}}”将于 {{.D.due}} 到期，请及时更新进度。\n{{.D.link}}", "The action item “{{.D.title}}” you own is due on {{.D.due}}. Please report its progress.\n{{.D.link}}"),
		HTML:    bi(`<p>您负责的决议事项“{{.D.title}}”将于 {{.D.due}} 到期，请及时更新进度。</p><p><a href="{{.D.link}}">更新进度</a></p>`, `<p>The action item “{{.D.title}}” you own is due on {{.D.due}}.</p><p><a href="{{.D.link}}">Report progress</a></p>`),
	},
	KindActionItemOverdue: {
		Label:   domain.Text{ZH: "事项已逾期", EN: "Action item overdue"},
		Subject: bi("事项已逾期：{{.D.title}}", "Overdue: {{.D.title}}"),
		Text:    bi("您负责的决议事项“{{.D.title}}”已于 {{.D.due}} 到期，尚未完成。\n{{.D.link}}", "The action item “{{.D.title}}” you own was due on {{.D.due}} and is not done.\n{{.D.link}}"),
		HTML:    bi(`<p>您负责的决议事项“{{.D.title}}”已于 {{.D.due}} 到期，尚未完成。</p><p><a href="{{.D.link}}">更新进度</a></p>`, `<p>The action item “{{.D.title}}” you own was due on {{.D.due}} and is not done.</p><p><a href="{{.D.link}}">Report progress</a></p>`),
	},
	KindSatisfaction: {
		Label:   domain.Text{ZH: "满意度评价", EN: "Satisfaction rating"},
		Subject: bi("决议已落实，请您评价：{{.D.resolution}}", "Done: how did “{{.D.resolution}}” work out?"),
		Text:    bi("决议“{{.D.resolution}}”的事项已全部完成。请花一分钟为落实效果打分（1 到 5 星）：\n{{.D.link}}", "The resolution “{{.D.resolution}}” has been carried out. Please rate how it worked out (1 to 5 stars):\n{{.D.link}}"),
		HTML:    bi(`<p>决议“{{.D.resolution}}”的事项已全部完成。请为落实效果打分（1 到 5 星）。</p><p><a href="{{.D.link}}">去评价</a></p>`, `<p>The resolution “{{.D.resolution}}” has been carried out. Please rate how it worked out.</p><p><a href="{{.D.link}}">Rate it</a></p>`),
	},
	KindDisclosureDue: {
		Label:   domain.Text{ZH: "公开事项即将到期", EN: "Disclosure due soon"},
		Subject: bi("{{.D.period}}{{.D.kind}}公开将于 {{.D.due}} 到期", "{{.D.kind}} disclosure for {{.D.period}} is due on {{.D.due}}"),
		Text:    bi("{{.D.period}}的{{.D.kind}}公开应于 {{.D.due}} 前发布，目前还没有发布。\n{{.D.link}}", "The {{.D.kind}} disclosure for {{.D.period}} is due on {{.D.due}} and is not published yet.\n{{.D.link}}"),
		HTML:    bi(`<p>{{.D.period}}的{{.D.kind}}公开应于 {{.D.due}} 前发布，目前还没有发布。</p><p><a href="{{.D.link}}">去发布</a></p>`, `<p>The {{.D.kind}} disclosure for {{.D.period}} is due on {{.D.due}} and is not published yet.</p><p><a href="{{.D.link}}">Publish it</a></p>`),
	},
	KindDisclosureOverdue: {
		Label:   domain.Text{ZH: "公开事项已逾期", EN: "Disclosure overdue"},
		Subject: bi("{{.D.period}}{{.D.kind}}公开已逾期（应于 {{.D.due}} 发布）", "Overdue: {{.D.kind}} disclosure for {{.D.period}} (due {{.D.due}})"),
		Text:    bi("{{.D.period}}的{{.D.kind}}公开应于 {{.D.due}} 发布，现已逾期。居民能看到逾期记录，请尽快发布。\n{{.D.link}}", "The {{.D.kind}} disclosure for {{.D.period}} was due on {{.D.due}}. Residents see it as overdue; please publish it.\n{{.D.link}}"),
		HTML:    bi(`<p>{{.D.period}}的{{.D.kind}}公开应于 {{.D.due}} 发布，现已逾期。居民能看到逾期记录，请尽快发布。</p><p><a href="{{.D.link}}">去发布</a></p>`, `<p>The {{.D.kind}} disclosure for {{.D.period}} was due on {{.D.due}}. Residents see it as overdue.</p><p><a href="{{.D.link}}">Publish it</a></p>`),
	},
	KindQuestionUnanswered: {
		Label:   domain.Text{ZH: "质询待答复", EN: "Question awaiting an answer"},
		Subject: bi("一条质询已 5 天未答复", "A question has waited 5 days for an answer"),
		Text:    bi("居民于 {{.D.asked}} 提出的质询还没有答复：\n“{{.D.question}}”\n7 天内未答复将转交村务监督委员会。\n{{.D.link}}", "A question asked on {{.D.asked}} has no answer yet:\n“{{.D.question}}”\nUnanswered after 7 days, it goes to the supervisory committee.\n{{.D.link}}"),
		HTML:    bi(`<p>居民于 {{.D.asked}} 提出的质询还没有答复：</p><blockquote>{{.D.question}}</blockquote><p>7 天内未答复将转交村务监督委员会。</p><p><a href="{{.D.link}}">去答复</a></p>`, `<p>A question asked on {{.D.asked}} has no answer yet:</p><blockquote>{{.D.question}}</blockquote><p>Unanswered after 7 days, it goes to the supervisory committee.</p><p><a href="{{.D.link}}">Answer it</a></p>`),
	},
	KindQuestionEscalated: {
		Label:   domain.Text{ZH: "质询已转交监督委员会", EN: "Question escalated"},
		Subject: bi("一条质询 7 天未获答复，已转交村务监督委员会", "A question unanswered for 7 days is escalated to you"),
		Text:    bi("居民于 {{.D.asked}} 提出的质询 7 天内没有答复，现转交村务监督委员会：\n“{{.D.question}}”\n{{.D.link}}", "A question asked on {{.D.asked}} had no answer within 7 days and is escalated to the supervisory committee:\n“{{.D.question}}”\n{{.D.link}}"),
		HTML:    bi(`<p>居民于 {{.D.asked}} 提出的质询 7 天内没有答复，现转交村务监督委员会：</p><blockquote>{{.D.question}}</blockquote><p><a href="{{.D.link}}">查看并跟进</a></p>`, `<p>A question asked on {{.D.asked}} had no answer within 7 days and is escalated to the supervisory committee:</p><blockquote>{{.D.question}}</blockquote><p><a href="{{.D.link}}">Follow it up</a></p>`),
	},
	KindVolunteerInvited: {
		Label:   domain.Text{ZH: "志愿服务邀请", EN: "Volunteer invitation"},
		Subject: bi("邀请您参加志愿服务：{{.D.title}}（{{.D.time}}）", "You are invited to help: {{.D.title}} ({{.D.time}})"),
		Text:    bi("{{.D.coordinator}}邀请您参加志愿服务“{{.D.title}}”。\n时间：{{.D.time}}\n地点：{{.D.place}}\n推荐理由：{{.D.why}}\n愿意的话请认领：\n{{.D.link}}", "{{.D.coordinator}} invites you to help with “{{.D.title}}”.\nWhen: {{.D.time}}\nWhere: {{.D.place}}\nWhy you: {{.D.why}}\nClaim it if you can:\n{{.D.link}}"),
		HTML:    bi(`<p>{{.D.coordinator}}邀请您参加志愿服务“{{.D.title}}”。</p><p>时间：{{.D.time}}<br>地点：{{.D.place}}<br>推荐理由：{{.D.why}}</p><p><a href="{{.D.link}}">查看并认领</a></p>`, `<p>{{.D.coordinator}} invites you to help with “{{.D.title}}”.</p><p>When: {{.D.time}}<br>Where: {{.D.place}}<br>Why you: {{.D.why}}</p><p><a href="{{.D.link}}">See and claim it</a></p>`),
	},
	KindVolunteerPromoted: {
		Label:   domain.Text{ZH: "候补转为认领", EN: "Off the waitlist"},
		Subject: bi("您已从候补转为正式认领：{{.D.title}}", "You have a slot now: {{.D.title}}"),
		Text:    bi("有人取消了认领，您已从候补名单转为正式认领“{{.D.title}}”（{{.D.time}}）。如果去不了，请在页面上取消，让给下一位。\n{{.D.link}}", "Someone cancelled, and you now hold a slot of “{{.D.title}}” ({{.D.time}}). If you cannot come, cancel it on the page for the next one waiting.\n{{.D.link}}"),
		HTML:    bi(`<p>有人取消了认领，您已从候补名单转为正式认领“{{.D.title}}”（{{.D.time}}）。</p><p>如果去不了，请在页面上取消，让给下一位。</p><p><a href="{{.D.link}}">查看任务</a></p>`, `<p>Someone cancelled, and you now hold a slot of “{{.D.title}}” ({{.D.time}}).</p><p>If you cannot come, cancel it for the next one waiting.</p><p><a href="{{.D.link}}">See the task</a></p>`),
	},
	KindVolunteerTask: {
		Label:   domain.Text{ZH: "志愿任务提醒", EN: "Volunteer task reminder"},
		Subject: bi("{{.D.when}}的志愿任务：{{.D.title}}", "Your volunteer task {{.D.when}}: {{.D.title}}"),
		Text:    bi("您认领的志愿任务“{{.D.title}}”\n时间：{{.D.time}}\n地点：{{.D.place}}\n联系人：{{.D.contact}}\n到达后请扫描现场二维码签到。\n{{.D.link}}", "Your volunteer task “{{.D.title}}”\nWhen: {{.D.time}}\nWhere: {{.D.place}}\nContact: {{.D.contact}}\nScan the QR code at the place when you arrive.\n{{.D.link}}"),
		HTML:    bi(`<p>您认领的志愿任务“{{.D.title}}”</p><p>时间：{{.D.time}}<br>地点：{{.D.place}}<br>联系人：{{.D.contact}}</p><p>到达后请扫描现场二维码签到。</p><p><a href="{{.D.link}}">查看任务</a></p>`, `<p>Your volunteer task “{{.D.title}}”</p><p>When: {{.D.time}}<br>Where: {{.D.place}}<br>Contact: {{.D.contact}}</p><p>Scan the QR code at the place when you arrive.</p><p><a href="{{.D.link}}">See the task</a></p>`),
	},
	KindNeedUnfilled: {
		Label:   domain.Text{ZH: "需求尚未招满", EN: "Need not filled"},
		Subject: bi("还差 {{.D.open}} 人：{{.D.title}}（{{.D.time}}）", "{{.D.open}} more needed: {{.D.title}} ({{.D.time}})"),
		Text:    bi("志愿需求“{{.D.title}}”将于 {{.D.time}} 开始，还有 {{.D.open}} 个名额没人认领。可以查看推荐的志愿者并邀请：\n{{.D.link}}", "The need “{{.D.title}}” starts at {{.D.time}} with {{.D.open}} slots unclaimed. See the ranked volunteers and invite some:\n{{.D.link}}"),
		HTML:    bi(`<p>志愿需求“{{.D.title}}”将于 {{.D.time}} 开始，还有 {{.D.open}} 个名额没人认领。</p><p><a href="{{.D.link}}">查看推荐的志愿者</a></p>`, `<p>The need “{{.D.title}}” starts at {{.D.time}} with {{.D.open}} slots unclaimed.</p><p><a href="{{.D.link}}">See the ranked volunteers</a></p>`),
	},
	KindNeedCancelled: {
		Label:   domain.Text{ZH: "需求已取消", EN: "Need cancelled"},
		Subject: bi("志愿需求已取消：{{.D.title}}", "Need cancelled: {{.D.title}}"),
		Text:    bi("您认领的志愿需求“{{.D.title}}”已取消，理由：{{.D.reason}}。感谢您的热心！\n{{.D.link}}", "The need “{{.D.title}}” you claimed was cancelled. Reason: {{.D.reason}}. Thank you all the same!\n{{.D.link}}"),
		HTML:    bi(`<p>您认领的志愿需求“{{.D.title}}”已取消，理由：{{.D.reason}}。感谢您的热心！</p>`, `<p>The need “{{.D.title}}” you claimed was cancelled. Reason: {{.D.reason}}. Thank you all the same!</p>`),
	},
	KindHoursToConfirm: {
		Label:   domain.Text{ZH: "服务时长待确认", EN: "Hours to confirm"},
		Subject: bi("有 {{.D.count}} 次志愿服务的时长待确认", "{{.D.count}} volunteer tasks wait for their hours"),
		Text:    bi("有 {{.D.count}} 次已结束的志愿服务还没有确认时长，确认后会记入志愿者的时间银行。\n{{.D.link}}", "{{.D.count}} finished volunteer tasks have no confirmed hours yet; once confirmed they go to the volunteers' time bank.\n{{.D.link}}"),
		HTML:    bi(`<p>有 {{.D.count}} 次已结束的志愿服务还没有确认时长，确认后会记入志愿者的时间银行。</p><p><a href="{{.D.link}}">去确认</a></p>`, `<p>{{.D.count}} finished volunteer tasks have no confirmed hours yet.</p><p><a href="{{.D.link}}">Confirm them</a></p>`),
	},
	KindRateTask: {
		Label:   domain.Text{ZH: "服务评价", EN: "Rate the help"},
		Subject: bi("请为志愿服务评价：{{.D.title}}", "How was the help? {{.D.title}}"),
		Text:    bi("“{{.D.title}}”的志愿服务已经完成。请花一分钟为这次服务打分（1 到 5 星）：\n{{.D.link}}", "The help with “{{.D.title}}” is done. Please rate it (1 to 5 stars):\n{{.D.link}}"),
		HTML:    bi(`<p>“{{.D.title}}”的志愿服务已经完成。请为这次服务打分（1 到 5 星）。</p><p><a href="{{.D.link}}">去评价</a></p>`, `<p>The help with “{{.D.title}}” is done. Please rate it.</p><p><a href="{{.D.link}}">Rate it</a></p>`),
	},
	KindPatrolShift: {
		Label:   domain.Text{ZH: "巡防班次提醒", EN: "Patrol shift reminder"},
		Subject: bi("{{.D.when}}的巡防班次：{{.D.route}}（{{.D.time}}）", "Your patrol {{.D.when}}: {{.D.route}} ({{.D.time}})"),
		Text:    bi("您{{.D.when}}有巡防班次。\n时间：{{.D.time}}\n路线：{{.D.route}}（起点：{{.D.start}}）\n同班队员：{{.D.mates}}\n到达起点后请扫码签到。\n{{.D.link}}", "You patrol {{.D.when}}.\nWhen: {{.D.time}}\nRoute: {{.D.route}} (start: {{.D.start}})\nWith: {{.D.mates}}\nScan the start's QR code when you arrive.\n{{.D.link}}"),
		HTML:    bi(`<p>您{{.D.when}}有巡防班次。</p><p>时间：{{.D.time}}<br>路线：{{.D.route}}（起点：{{.D.start}}）<br>同班队员：{{.D.mates}}</p><p><a href="{{.D.link}}">查看班次</a></p>`, `<p>You patrol {{.D.when}}.</p><p>When: {{.D.time}}<br>Route: {{.D.route}} (start: {{.D.start}})<br>With: {{.D.mates}}</p><p><a href="{{.D.link}}">See the shift</a></p>`),
	},
	KindShiftUnfilled: {
		Label:   domain.Text{ZH: "巡防班次缺人", EN: "Patrol shift short"},
		Subject: bi("巡防班次还缺 {{.D.open}} 人：{{.D.time}}", "{{.D.open}} more needed on the patrol of {{.D.time}}"),
		Text:    bi("{{.D.time}}的巡防班次（{{.D.route}}）还缺 {{.D.open}} 人，能来的队员请在页面上认领。\n{{.D.link}}", "The patrol of {{.D.time}} ({{.D.route}}) needs {{.D.open}} more: take it on the page if you can.\n{{.D.link}}"),
		HTML:    bi(`<p>{{.D.time}}的巡防班次（{{.D.route}}）还缺 {{.D.open}} 人，能来的队员请在页面上认领。</p><p><a href="{{.D.link}}">去认领</a></p>`, `<p>The patrol of {{.D.time}} ({{.D.route}}) needs {{.D.open}} more.</p><p><a href="{{.D.link}}">Take it</a></p>`),
	},
	KindReportUntriaged: {
		Label:   domain.Text{ZH: "巡查上报待处理", EN: "Patrol report to triage"},
		Subject: bi("一条巡查上报已 24 小时未处理：{{.D.place}}", "A patrol report has waited 24 hours: {{.D.place}}"),
		Text:    bi("{{.D.kind}}：{{.D.text}}\n地点：{{.D.place}}\n请尽快处理（就地解决、转交、调解或转为议题）。\n{{.D.link}}", "{{.D.kind}}: {{.D.text}}\nWhere: {{.D.place}}\nPlease triage it (resolve, refer, mediate or escalate).\n{{.D.link}}"),
		HTML:    bi(`<p>{{.D.kind}}：{{.D.text}}</p><p>地点：{{.D.place}}</p><p><a href="{{.D.link}}">去处理</a></p>`, `<p>{{.D.kind}}: {{.D.text}}</p><p>Where: {{.D.place}}</p><p><a href="{{.D.link}}">Triage it</a></p>`),
	},
	KindReferralOverdue: {
		Label:   domain.Text{ZH: "转交事项逾期", EN: "Referral overdue"},
		Subject: bi("转交{{.D.to}}的事项已逾期：{{.D.place}}", "Overdue at {{.D.to}}: {{.D.place}}"),
		Text:    bi("巡查上报“{{.D.text}}”（{{.D.place}}）已转交{{.D.to}}，应于 {{.D.due}} 前办结，现已逾期。\n{{.D.link}}", "The report “{{.D.text}}” ({{.D.place}}) referred to {{.D.to}} was due on {{.D.due}}.\n{{.D.link}}"),
		HTML:    bi(`<p>巡查上报“{{.D.text}}”（{{.D.place}}）已转交{{.D.to}}，应于 {{.D.due}} 前办结，现已逾期。</p><p><a href="{{.D.link}}">查看</a></p>`, `<p>The report “{{.D.text}}” ({{.D.place}}) referred to {{.D.to}} was due on {{.D.due}}.</p><p><a href="{{.D.link}}">See it</a></p>`),
	},
	KindWeeklyDigest: {
		Urgent: false, Personal: false,
		Label:   domain.Text{ZH: "每周摘要", EN: "Weekly digest"},
		Subject: bi("{{.D.community}}本周议事摘要", "This week in {{.D.community}}"),
		Text:    bi("{{.D.community}}本周动态：\n\n{{.D.body}}\n\n{{.D.link}}", "This week in {{.D.community}}:\n\n{{.D.body}}\n\n{{.D.link}}"),
		HTML:    bi(`<p>{{.D.community}}本周动态：</p><pre style="font-family:inherit;white-space:pre-wrap">{{.D.body}}</pre><p><a href="{{.D.link}}">打开议事</a></p>`, `<p>This week in {{.D.community}}:</p><pre style="font-family:inherit;white-space:pre-wrap">{{.D.body}}</pre><p><a href="{{.D.link}}">Open Yishi</a></p>`),
	},
}

func bi(zh, en string) map[domain.Lang]string {
	return map[domain.Lang]string{domain.Chinese: zh, domain.English: en}
}

// AllKinds lists every kind, in a stable order.
func AllKinds() []Kind {
	return []Kind{KindEmailVerification, KindPasswordReset, KindSignUp, KindAccountExists, KindJoinDecided, KindSupportWindowEnding, KindObjectionUnanswered, KindMeetingReminder,
		KindVoteClosing, KindActionItemDue, KindActionItemOverdue, KindSatisfaction, KindDisclosureDue, KindDisclosureOverdue,
		KindQuestionUnanswered, KindQuestionEscalated, KindVolunteerInvited, KindVolunteerPromoted, KindVolunteerTask, KindNeedUnfilled,
		KindNeedCancelled, KindHoursToConfirm, KindRateTask, KindPatrolShift, KindShiftUnfilled, KindReportUntriaged, KindReferralOverdue, KindWeeklyDigest}
}

// OptionalKinds lists the kinds a person may turn off, in a stable order.
func OptionalKinds() []Kind {
	return []Kind{KindJoinDecided, KindSupportWindowEnding, KindWeeklyDigest}
}

// Label returns the kind's name for people.
func (k Kind) Label() domain.Text { return kinds[k].Label }

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { _, ok := kinds[k]; return ok }

// footers are appended to every mail: who sent it and how to stop it.
var footers = map[domain.Lang][2]string{
	domain.Chinese: {"\n\n——\n议事 Yishi · 众人的事情由众人商量\n不想再收到此类邮件：" + UnsubscribePlaceholder + "\n",
		`<hr><p style="color:#555;font-size:14px">议事 Yishi · 众人的事情由众人商量<br><a href="` + UnsubscribePlaceholder + `">不想再收到此类邮件</a></p>`},
	domain.English: {"\n\n--\nYishi · the affairs of everyone are talked over by everyone\nStop this kind of mail: " + UnsubscribePlaceholder + "\n",
		`<hr><p style="color:#555;font-size:14px">Yishi<br><a href="` + UnsubscribePlaceholder + `">Stop this kind of mail</a></p>`},
}

type compiled struct {
	subject, text *template.Template
	html          *htmltemplate.Template
}

var (
	compileOnce sync.Once
	templates   map[Kind]map[domain.Lang]compiled
)

// compiledTemplates parses every kind's templates once; a template that does
// not parse is a programming error caught by the tests.
func compiledTemplates() map[Kind]map[domain.Lang]compiled {
	compileOnce.Do(func() {
		templates = map[Kind]map[domain.Lang]compiled{}
		for k, spec := range kinds {
			templates[k] = map[domain.Lang]compiled{}
			for _, lang := range []domain.Lang{domain.Chinese, domain.English} {
				templates[k][lang] = compiled{
					subject: template.Must(template.New("s").Option("missingkey=zero").Parse(spec.Subject[lang])),
					text:    template.Must(template.New("t").Option("missingkey=zero").Parse(spec.Text[lang] + footers[lang][0])),
					html: htmltemplate.Must(htmltemplate.New("h").Option("missingkey=zero").Parse(
						`<!doctype html><html><body style="font-family:sans-serif;font-size:16px;line-height:1.6">` + spec.HTML[lang] + footers[lang][1] + `</body></html>`)),
				}
			}
		}
	})
	return templates
}
