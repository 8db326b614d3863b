<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivitiesPage</name>
    <message>
        <location filename="../../ui/activities/page.py" line="110"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="111"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="112"/>
        <source>Persons</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="114"/>
        <source>Channel</source>
        <translation>报名方式</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="118"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="121"/>
        <source>Signed up</source>
        <translation>报名时间</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="122"/>
        <source>Came</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="124"/>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="127"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="148"/>
        <source>Upcoming</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="149"/>
        <source>Past</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="150"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="151"/>
        <source>Sho&amp;w</source>
        <translation>显示(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="153"/>
        <source>&amp;New activity…</source>
        <translation>新建活动(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="154"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="155"/>
        <source>&amp;Open sign-ups</source>
        <translation>开始报名(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="156"/>
        <source>Sign &amp;up…</source>
        <translation>报名(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="157"/>
        <source>Fini&amp;sh…</source>
        <translation>结束活动(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="158"/>
        <source>Cancel activit&amp;y…</source>
        <translation>取消活动(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="159"/>
        <source>Print noti&amp;ce…</source>
        <translation>打印通知(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="161"/>
        <source>Sign-in shee&amp;t…</source>
        <translation>签到表(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="183"/>
        <source>C&amp;ancel sign-up…</source>
        <translation>取消报名(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="186"/>
        <source>Atten&amp;dance…</source>
        <translation>签到(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="188"/>
        <source>Feed&amp;back…</source>
        <translation>评价(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="209"/>
        <source>Sign-ups (unit order)</source>
        <translation>报名名单（按房号）</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="275"/>
        <source>No activity selected.</source>
        <translation>未选择活动。</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="283"/>
        <source>%1 — %2, %3; places %4/%5, %6 waiting; budget ¥%7, spent ¥%8</source>
        <translation>%1 — %2，%3；名额 %4/%5，候补 %6 户；预算 ¥%7，已花费 ¥%8</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="294"/>
        <source>Notice printed %1</source>
        <translation>通知已于 %1 打印</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="352"/>
        <source>Sign-ups are open.</source>
        <translation>已开始报名。</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="375"/>
        <source>Activity cancelled; nobody had signed up.</source>
        <translation>活动已取消，没有住户报名。</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="379"/>
        <source>Activity cancelled. Tell these %1 households: %2</source>
        <translation>活动已取消，请通知以下 %1 户：%2</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="387"/>
        <location filename="../../ui/activities/page.py" line="431"/>
        <source>Select a sign-up first.</source>
        <translation>请先选择一条报名。</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="391"/>
        <source>Cancel sign-up</source>
        <translation>取消报名</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="392"/>
        <source>Cancel the sign-up of %1?</source>
        <translation>确定取消 %1 的报名吗？</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="403"/>
        <source>Sign-up of %1 cancelled.</source>
        <translation>已取消 %1 的报名。</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="405"/>
        <source> %1 household(s) moved up from the waitlist: tell them.</source>
        <translation>候补递补 %1 户，请通知他们。</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="434"/>
        <source>Only households that came can give feedback.</source>
        <translation>只有签到参加了活动的住户才能评价。</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="119"/>
        <source>Edit activity</source>
        <translation>修改活动</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="119"/>
        <source>New activity</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="132"/>
        <source>yuan, e.g. 800 or 1,250.50</source>
        <translation>单位元，如 800 或 1,250.50</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="137"/>
        <source>Open sign-ups now</source>
        <translation>立即开始报名</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="139"/>
        <source>&amp;Type</source>
        <translation>活动类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="140"/>
        <source>T&amp;itle</source>
        <translation>活动名称(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="141"/>
        <source>&amp;Starts</source>
        <translation>开始时间(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="142"/>
        <source>&amp;Ends</source>
        <translation>结束时间(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="143"/>
        <source>&amp;Venue</source>
        <translation>活动地点(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="144"/>
        <source>&amp;Places</source>
        <translation>名额(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="145"/>
        <source>&amp;Budget (yuan)</source>
        <translation>预算（元）(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="146"/>
        <source>&amp;Organiser</source>
        <translation>组织人(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="147"/>
        <source>&amp;Description</source>
        <translation>活动说明(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ActivityListModel</name>
    <message>
        <location filename="../../ui/activities/page.py" line="73"/>
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="74"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="75"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="76"/>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="78"/>
        <source>Places taken</source>
        <translation>已报/名额</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="83"/>
        <source>Waiting</source>
        <translation>候补</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="85"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="90"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location filename="../../ui/activities/page.py" line="92"/>
        <source>Organiser</source>
        <translation>组织人</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="344"/>
        <source>Attendance: %1</source>
        <translation>签到：%1</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="348"/>
        <source>Unit or name; Down goes to the list</source>
        <translation>房号或姓名；按↓进入名单</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="356"/>
        <source>%1  %2  (%3 persons)</source>
        <translation>%1  %2  （%3 人）</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="369"/>
        <source>Space ticks who came; Enter saves.</source>
        <translation>空格键勾选到场住户，回车保存。</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="370"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="371"/>
        <source>&amp;Present</source>
        <translation>到场(&amp;P)</translation>
    </message>
</context>
<context>
    <name>CancelActivityDialog</name>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="319"/>
        <source>Cancel: %1</source>
        <translation>取消活动：%1</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="323"/>
        <source>&amp;Reason</source>
        <translation>取消原因(&amp;R)</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="449"/>
        <source>Feedback: %1 %2</source>
        <translation>活动评价：%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="457"/>
        <source>&amp;Rating (1-5)</source>
        <translation>评分 1–5(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="459"/>
        <source>&amp;Comment</source>
        <translation>意见(&amp;C)</translation>
    </message>
</context>
<context>
    <name>FinishDialog</name>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="293"/>
        <source>Finish: %1</source>
        <translation>结束活动：%1</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="298"/>
        <source>Budget %1 yuan</source>
        <translation>预算 %1 元</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="300"/>
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
        <location filename="../../ui/activities/dialogs.py" line="427"/>
        <source>not rated</source>
        <translation>未评分</translation>
    </message>
</context>
<context>
    <name>SignupDialog</name>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="207"/>
        <source>Sign up: %1</source>
        <translation>活动报名：%1</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="224"/>
        <source>&amp;Unit</source>
        <translation>房屋(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="225"/>
        <source>Pe&amp;rsons</source>
        <translation>人数(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="226"/>
        <source>&amp;Contact</source>
        <translation>联系人(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="227"/>
        <source>C&amp;hannel</source>
        <translation>报名方式(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="229"/>
        <source>&amp;Sign up</source>
        <translation>报名(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/activities/dialogs.py" line="236"/>
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
