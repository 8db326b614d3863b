<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivitiesPage</name>
    <message>
        <location filename="../../ui/activities/page.py" line="118"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="119"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="120"/>
        <source>Persons</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="122"/>
        <source>Channel</source>
        <translation>报名方式</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="126"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="129"/>
        <source>Signed up</source>
        <translation>报名时间</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="130"/>
        <source>Came</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="132"/>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="135"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="162"/>
        <source>Upcoming</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="163"/>
        <source>Past</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="164"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="165"/>
        <source>Sho&amp;w</source>
        <translation>显示(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="167"/>
        <source>&amp;New activity…</source>
        <translation>新建活动(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="168"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="169"/>
        <source>&amp;Open sign-ups</source>
        <translation>开始报名(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="170"/>
        <source>Sign &amp;up…</source>
        <translation>报名(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="171"/>
        <source>Fini&amp;sh…</source>
        <translation>结束活动(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="172"/>
        <source>Cancel activit&amp;y…</source>
        <translation>取消活动(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="173"/>
        <source>Print noti&amp;ce…</source>
        <translation>打印通知(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="175"/>
        <source>Sign-in shee&amp;t…</source>
        <translation>签到表(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="198"/>
        <source>C&amp;ancel sign-up…</source>
        <translation>取消报名(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="201"/>
        <source>Atten&amp;dance…</source>
        <translation>签到(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="203"/>
        <source>Feed&amp;back…</source>
        <translation>评价(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="205"/>
        <source>Feedback &amp;questionnaire…</source>
        <translation>反馈问卷(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="228"/>
        <source>Sign-ups (unit order)</source>
        <translation>报名名单（按房号）</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="297"/>
        <source>No activity selected.</source>
        <translation>未选择活动。</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="306"/>
        <source>%1 — %2, %3; places %4/%5, %6 waiting; budget ¥%7, spent ¥%8</source>
        <translation>%1 — %2，%3；名额 %4/%5，候补 %6 户；预算 ¥%7，已花费 ¥%8</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="317"/>
        <source>Notice printed %1</source>
        <translation>通知已于 %1 打印</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="368"/>
        <source>Only a manager can create, edit or finish activities.</source>
        <translation>只有经理可以新建、修改或结束社区活动。</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="370"/>
        <source>Only a supervisor or manager can open sign-ups or cancel activities.</source>
        <translation>只有主管或经理可以开放报名或取消活动。</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="371"/>
        <source>Your role cannot record sign-ups, attendance or feedback.</source>
        <translation>您的角色不能办理活动报名、签到或评价。</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="425"/>
        <source>Activity saved.</source>
        <translation>活动已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="444"/>
        <source>Sign-ups are open.</source>
        <translation>已开始报名。</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="467"/>
        <source>Activity cancelled; nobody had signed up.</source>
        <translation>活动已取消，没有住户报名。</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="471"/>
        <source>Activity cancelled. Tell these %1 households: %2</source>
        <translation>活动已取消，请通知以下 %1 户：%2</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="479"/>
        <location filename="../../ui/activities/page.py" line="521"/>
        <source>Select a sign-up first.</source>
        <translation>请先选择一条报名。</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="485"/>
        <source>Cancel sign-up</source>
        <translation>取消报名</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="486"/>
        <source>Cancel the sign-up of %1?</source>
        <translation>确定取消 %1 的报名吗？</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="497"/>
        <source>Sign-up of %1 cancelled.</source>
        <translation>已取消 %1 的报名。</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="432"/>
        <source> %1 household(s) moved up from the waitlist, tell them: %2</source>
        <translation>候补递补 %1 户，请通知：%2</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="452"/>
        <source>(%1 %2)</source>
        <translation>（%1 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="524"/>
        <source>Only households that came can give feedback.</source>
        <translation>只有签到参加了活动的住户才能评价。</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="545"/>
        <source>No questionnaire can be used: make one on the surveys page first.</source>
        <translation>没有可以使用的问卷，请先在满意度调查页面编好问卷。</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="554"/>
        <source>Feedback questionnaire started: the households that attended are in its call queue on the surveys page.</source>
        <translation>反馈问卷已发起：签到参加的住户已列入满意度调查页面的待拨打名单。</translation>
    </message>
    <message>
        <source>The activity has not started yet: it can be finished once it has.</source>
        <translation>活动还没有开始，开始后才能结束。</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="77"/>
        <source>Edit activity</source>
        <translation>修改活动</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="77"/>
        <source>New activity</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="91"/>
        <source>yuan, e.g. 800 or 1,250.50</source>
        <translation>单位元，如 800 或 1,250.50</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="96"/>
        <source>Open sign-ups now</source>
        <translation>立即开始报名</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="98"/>
        <source>&amp;Type</source>
        <translation>活动类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="99"/>
        <source>T&amp;itle</source>
        <translation>活动名称(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="100"/>
        <source>&amp;Starts</source>
        <translation>开始时间(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="101"/>
        <source>&amp;Ends</source>
        <translation>结束时间(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="102"/>
        <source>&amp;Venue</source>
        <translation>活动地点(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="103"/>
        <source>&amp;Places</source>
        <translation>名额(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="104"/>
        <source>&amp;Budget (yuan)</source>
        <translation>预算（元）(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="105"/>
        <source>&amp;Organiser</source>
        <translation>组织人(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="106"/>
        <source>&amp;Description</source>
        <translation>活动说明(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ActivityFeedbackLines</name>
    <message>
        <location filename="../../ui/activities/feedback_questionnaire.py" line="86"/>
        <source>Desk ratings: %1 household(s), average %2; %3 comment(s)</source>
        <translation>前台评价：%1 户，平均 %2 分；意见 %3 条</translation>
    </message>
    <message>
        <location filename="../../ui/activities/feedback_questionnaire.py" line="96"/>
        <source>Feedback questionnaire “%1” (%2): %3 of %4 attendee household(s) answered</source>
        <translation>反馈问卷「%1」（%2）：签到 %4 户，已答 %3 户</translation>
    </message>
    <message>
        <location filename="../../ui/activities/feedback_questionnaire.py" line="107"/>
        <source>  %1: average %2 (%3 answered)</source>
        <translation>  %1：平均 %2 分（%3 户作答）</translation>
    </message>
</context>
<context>
    <name>ActivityListModel</name>
    <message>
        <location filename="../../ui/activities/page.py" line="81"/>
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="82"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="83"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="84"/>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="86"/>
        <source>Places taken</source>
        <translation>已报/名额</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="91"/>
        <source>Waiting</source>
        <translation>候补</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="93"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="98"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="100"/>
        <source>Organiser</source>
        <translation>组织人</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="306"/>
        <source>Attendance: %1</source>
        <translation>签到：%1</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="310"/>
        <source>Unit or name; Down goes to the list</source>
        <translation>房号或姓名；按↓进入名单</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="318"/>
        <source>%1  %2  (%3 persons)</source>
        <translation>%1  %2  （%3 人）</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="331"/>
        <source>Space ticks who came; Enter saves.</source>
        <translation>空格键勾选到场住户，回车保存。</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="332"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="333"/>
        <source>&amp;Present</source>
        <translation>到场(&amp;P)</translation>
    </message>
</context>
<context>
    <name>CancelActivityDialog</name>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="281"/>
        <source>Cancel: %1</source>
        <translation>取消活动：%1</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="285"/>
        <source>&amp;Reason</source>
        <translation>取消原因(&amp;R)</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="411"/>
        <source>Feedback: %1 %2</source>
        <translation>活动评价：%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="419"/>
        <source>&amp;Rating (1-5)</source>
        <translation>评分 1–5(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="421"/>
        <source>&amp;Comment</source>
        <translation>意见(&amp;C)</translation>
    </message>
</context>
<context>
    <name>FeedbackQuestionnaireDialog</name>
    <message>
        <location filename="../../ui/activities/feedback_questionnaire.py" line="45"/>
        <source>Feedback questionnaire: %1</source>
        <translation>反馈问卷：%1</translation>
    </message>
    <message>
        <location filename="../../ui/activities/feedback_questionnaire.py" line="52"/>
        <source>%1 (version %2, %3 questions)</source>
        <translation>%1（第 %2 版，%3 道题）</translation>
    </message>
    <message>
        <location filename="../../ui/activities/feedback_questionnaire.py" line="58"/>
        <source>&amp;Questionnaire</source>
        <translation>问卷(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/feedback_questionnaire.py" line="61"/>
        <source>The households that attended are called (or return a paper form) from the surveys page; the questionnaire stays open 14 days from the activity&apos;s day.</source>
        <translation>在满意度调查页面给签到参加的住户打电话（或录入收回的纸质问卷）；问卷从活动当天起开放 14 天。</translation>
    </message>
</context>
<context>
    <name>FinishDialog</name>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="255"/>
        <source>Finish: %1</source>
        <translation>结束活动：%1</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="260"/>
        <source>Budget %1 yuan</source>
        <translation>预算 %1 元</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="262"/>
        <source>&amp;Spent (yuan)</source>
        <translation>实际花费（元）(&amp;S)</translation>
    </message>
</context>
<context>
    <name>NavModule</name>
    <message>
        <location filename="../../ui/activities/registration.py" line="16"/>
        <source>Community activities</source>
        <translation>社区活动</translation>
    </message>
</context>
<context>
    <name>RatingBox</name>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="389"/>
        <source>not rated</source>
        <translation>未评分</translation>
    </message>
</context>
<context>
    <name>SignupDialog</name>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="169"/>
        <source>Sign up: %1</source>
        <translation>活动报名：%1</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="240"/>
        <source>%1: %2

Sign up on the waitlist?</source>
        <translation>%1：%2

确定登记为候补吗？</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="186"/>
        <source>&amp;Unit</source>
        <translation>房屋(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="187"/>
        <source>Pe&amp;rsons</source>
        <translation>人数(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="188"/>
        <source>&amp;Contact</source>
        <translation>联系人(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="189"/>
        <source>C&amp;hannel</source>
        <translation>报名方式(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="191"/>
        <source>&amp;Sign up</source>
        <translation>报名(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="198"/>
        <source>%1 of %2 places taken, %3 waiting</source>
        <translation>已报 %1 人 / 名额 %2 人，候补 %3 户</translation>
    </message>
</context>
<context>
    <name>UnitActivitiesPanel</name>
    <message>
        <location filename="../../ui/activities/unit_panel.py" line="29"/>
        <source>Community activities</source>
        <translation>社区活动</translation>
    </message>
    <message>
        <location filename="../../ui/activities/unit_panel.py" line="56"/>
        <source>came</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../ui/activities/unit_panel.py" line="60"/>
        <source>did not come</source>
        <translation>未到场</translation>
    </message>
    <message>
        <location filename="../../ui/activities/unit_panel.py" line="66"/>
        <source>%1  %2, %3 person(s): %4</source>
        <translation>%1  %2，%3 人：%4</translation>
    </message>
    <message>
        <location filename="../../ui/activities/unit_panel.py" line="76"/>
        <source>Has not signed up for any activity.</source>
        <translation>尚未报名参加社区活动。</translation>
    </message>
</context>
</TS>
