<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnomalyModel</name>
    <message>
        <location filename="../../ui/desk/models.py" line="168"/>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="169"/>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="170"/>
        <source>Checkpoint</source>
        <translation>巡查点</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="171"/>
        <source>Finding</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="173"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="175"/>
        <source>not reported</source>
        <translation>未报修</translation>
    </message>
</context>
<context>
    <name>DeskLabels</name>
    <message>
        <location filename="../../ui/desk/labels.py" line="21"/>
        <source>Lobby</source>
        <translation>大堂</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="22"/>
        <source>Elevators</source>
        <translation>电梯</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="23"/>
        <source>Fire equipment</source>
        <translation>消防设施</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="24"/>
        <source>Garage</source>
        <translation>车库</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="25"/>
        <source>Roof</source>
        <translation>屋面</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="26"/>
        <source>Plant room</source>
        <translation>设备房</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="27"/>
        <location filename="../../ui/desk/labels.py" line="58"/>
        <source>Vacant unit</source>
        <translation>空置房</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="28"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="31"/>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="32"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="33"/>
        <source>Abnormal</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="34"/>
        <source>Missed</source>
        <translation>漏检</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="37"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="38"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="41"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="42"/>
        <source>Call or visit</source>
        <translation>来电来访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="43"/>
        <source>Incident</source>
        <translation>突发情况</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="44"/>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="47"/>
        <source>Noted</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="48"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="49"/>
        <source>Done</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="50"/>
        <source>Handed over</source>
        <translation>已交班</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="53"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="54"/>
        <source>Key</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="55"/>
        <source>Parcel</source>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="56"/>
        <source>Patrol anomaly</source>
        <translation>巡查异常</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="57"/>
        <source>Inspection</source>
        <translation>装修巡检</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="59"/>
        <source>Shift item</source>
        <translation>值班事项</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="62"/>
        <source>Waiting</source>
        <translation>待取</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="63"/>
        <source>Collected</source>
        <translation>已取</translation>
    </message>
    <message>
        <location filename="../../ui/desk/labels.py" line="64"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="70"/>
        <source>Nothing open to hand over.</source>
        <translation>没有需要交接的事项。</translation>
    </message>
</context>
<context>
    <name>DeskOverviewPage</name>
    <message>
        <location filename="../../ui/desk/overview.py" line="167"/>
        <source>Dealt with on the spot: how</source>
        <translation>已当场处理：写明如何处理</translation>
    </message>
    <message>
        <location filename="../../ui/desk/overview.py" line="168"/>
        <source>Mark &amp;resolved</source>
        <translation>标记已处理(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/overview.py" line="176"/>
        <source>Today&apos;s patrols</source>
        <translation>今日巡查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/overview.py" line="177"/>
        <source>Open patrol anomalies</source>
        <translation>未处理的巡查异常</translation>
    </message>
    <message>
        <location filename="../../ui/desk/overview.py" line="187"/>
        <source>Current shift: open items</source>
        <translation>本班待处理事项</translation>
    </message>
    <message>
        <location filename="../../ui/desk/overview.py" line="190"/>
        <source>Vacant units due for a check</source>
        <translation>待检查的空置房</translation>
    </message>
    <message>
        <location filename="../../ui/desk/overview.py" line="194"/>
        <source>Parcels waiting (red: held too long)</source>
        <translation>待取快递（红色：超期）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/overview.py" line="225"/>
        <source>Go to %1…</source>
        <translation>转到%1…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/overview.py" line="238"/>
        <source>Choose an anomaly first.</source>
        <translation>请先选择一条异常。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/overview.py" line="280"/>
        <source>Front desk · %1</source>
        <translation>前台总览 · %1</translation>
    </message>
    <message>
        <location filename="../../ui/desk/overview.py" line="292"/>
        <source>Patrols today: %1 finished of %2 · %3/%4 points</source>
        <translation>今日巡查：完成 %1/%2 次 · 已查 %3/%4 个点</translation>
    </message>
    <message>
        <location filename="../../ui/desk/overview.py" line="299"/>
        <source>Open anomalies: %1</source>
        <translation>未处理异常：%1</translation>
    </message>
    <message>
        <location filename="../../ui/desk/overview.py" line="302"/>
        <source>Vacant units due: %1</source>
        <translation>空置房待检：%1</translation>
    </message>
    <message>
        <location filename="../../ui/desk/overview.py" line="305"/>
        <source>Parcels waiting: %1 (%2 too long)</source>
        <translation>待取快递：%1（超期 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/overview.py" line="310"/>
        <source>Nobody on duty</source>
        <translation>当前无人值班</translation>
    </message>
    <message>
        <location filename="../../ui/desk/overview.py" line="313"/>
        <source>On duty: %1 · %2 open item(s)</source>
        <translation>值班：%1 · 待处理 %2 项</translation>
    </message>
</context>
<context>
    <name>DeskSettingsDialog</name>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="84"/>
        <source>Desk settings: patrol routes and thresholds</source>
        <translation>前台设置：巡查路线与提醒阈值</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="87"/>
        <source>&amp;New route</source>
        <translation>新建路线(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="90"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="94"/>
        <source>Checkpoint</source>
        <translation>巡查点</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="95"/>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="96"/>
        <source>What to check</source>
        <translation>检查内容</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="97"/>
        <source>Vacant unit</source>
        <translation>空置房</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="107"/>
        <source>&amp;Add checkpoint</source>
        <translation>添加巡查点(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="108"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="109"/>
        <source>Up (Alt+↑)</source>
        <translation>上移 (Alt+↑)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="110"/>
        <source>Down (Alt+↓)</source>
        <translation>下移 (Alt+↓)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="111"/>
        <source>&amp;Save route</source>
        <translation>保存路线(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="115"/>
        <source>Route &amp;name</source>
        <translation>路线名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="116"/>
        <source>&amp;Description</source>
        <translation>说明(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="118"/>
        <source>Checkpoints (in order)</source>
        <translation>巡查点（按顺序）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="138"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="140"/>
        <source>Save &amp;thresholds</source>
        <translation>保存阈值(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="142"/>
        <source>Thresholds</source>
        <translation>提醒阈值</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="146"/>
        <source>A parcel stands out after</source>
        <translation>快递超过以下天数未取即提醒</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="149"/>
        <source>Vacant units are checked every</source>
        <translation>空置房默认检查间隔</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="157"/>
        <source>Patrol routes</source>
        <translation>巡查路线</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="204"/>
        <source>%1 (not in use)</source>
        <translation>%1（停用）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/settings_dialog.py" line="345"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>DeskStatus</name>
    <message>
        <location filename="../../ui/desk/registration.py" line="17"/>
        <source>Parcels waiting: %1</source>
        <translation>待取快递：%1</translation>
    </message>
    <message>
        <location filename="../../ui/desk/registration.py" line="21"/>
        <source> (%1 too long)</source>
        <translation>（超期 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/registration.py" line="31"/>
        <source>Vacant checks due: %1</source>
        <translation>空置房待检：%1</translation>
    </message>
</context>
<context>
    <name>EntryModel</name>
    <message>
        <location filename="../../ui/desk/models.py" line="400"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="402"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="406"/>
        <source>What happened</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="407"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="408"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="410"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="414"/>
        <source>By</source>
        <translation>记录人</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../ui/desk/models.py" line="117"/>
        <source>Checkpoint</source>
        <translation>巡查点</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="118"/>
        <source>What to check</source>
        <translation>检查内容</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="120"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="125"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="127"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="129"/>
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="131"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="88"/>
        <source>Hand over the shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="118"/>
        <source>%1 item(s) will be handed over</source>
        <translation>将交接 %1 项</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="96"/>
        <source>Anything else the next shift must know</source>
        <translation>下一班需要知道的其他事项</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="99"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="101"/>
        <source>&amp;Hand over</source>
        <translation>交班(&amp;H)</translation>
    </message>
</context>
<context>
    <name>MenuAction</name>
    <message>
        <location filename="../../ui/desk/registration.py" line="72"/>
        <source>Desk settings: patrol routes and thresholds…</source>
        <translation>前台设置：巡查路线与提醒阈值…</translation>
    </message>
</context>
<context>
    <name>NavModule</name>
    <message>
        <location filename="../../ui/desk/overview.py" line="344"/>
        <location filename="../../ui/desk/registration.py" line="51"/>
        <source>Patrols</source>
        <translation>巡查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/overview.py" line="345"/>
        <location filename="../../ui/desk/registration.py" line="57"/>
        <source>Shift log</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <location filename="../../ui/desk/overview.py" line="346"/>
        <location filename="../../ui/desk/registration.py" line="63"/>
        <source>Parcels &amp; visitors</source>
        <translation>快递与访客</translation>
    </message>
    <message>
        <location filename="../../ui/desk/registration.py" line="45"/>
        <source>Desk overview</source>
        <translation>前台总览</translation>
    </message>
</context>
<context>
    <name>ParcelModel</name>
    <message>
        <location filename="../../ui/desk/models.py" line="269"/>
        <source>Received</source>
        <translation>收件时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="270"/>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="271"/>
        <source>Tracking no.</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="272"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="273"/>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="275"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="279"/>
        <source>Shelf</source>
        <translation>货架</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="281"/>
        <source>Days held</source>
        <translation>已存天数</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="287"/>
        <source>Notified</source>
        <translation>已通知</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="292"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="296"/>
        <source>Collected by</source>
        <translation>取件人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="298"/>
        <source>Collected</source>
        <translation>已取</translation>
    </message>
</context>
<context>
    <name>ParcelsTab</name>
    <message>
        <location filename="../../ui/desk/parcels.py" line="98"/>
        <source>Scan or type; Enter receives</source>
        <translation>扫码或输入单号，回车登记</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="104"/>
        <source>&amp;Receive</source>
        <translation>登记收件(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="112"/>
        <source>&amp;Carrier / tracking no.</source>
        <translation>快递公司/单号(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="113"/>
        <source>&amp;Unit</source>
        <translation>房屋(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="118"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="120"/>
        <source>Shelf</source>
        <translation>货架</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="123"/>
        <source>R&amp;ecipient</source>
        <translation>收件人(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="126"/>
        <source>Waiting</source>
        <translation>待取</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="127"/>
        <source>Held too long</source>
        <translation>超期未取</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="128"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="131"/>
        <source>Scan or type a tracking no. or unit; Enter selects them (Ctrl+F)</source>
        <translation>扫描或输入快递单号或房号，回车选中（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="144"/>
        <source>Collected by (empty: the recipient)</source>
        <translation>取件人（不填即收件人本人）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="142"/>
        <source>&amp;Notified</source>
        <translation>已通知(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="145"/>
        <source>Co&amp;llected</source>
        <translation>已取件(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="146"/>
        <source>Re&amp;turned to carrier</source>
        <translation>退回快递(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="147"/>
        <source>Give the parcel back; the name field says to whom</source>
        <translation>退回给快递员；在姓名栏写明退给谁</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="246"/>
        <source>No parcel matches.</source>
        <translation>没有匹配的快递。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="275"/>
        <source>%1 waiting, %2 held too long</source>
        <translation>待取 %1 件，超期 %2 件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="332"/>
        <location filename="../../ui/desk/parcels.py" line="350"/>
        <source>Choose a parcel first.</source>
        <translation>请先选择一件快递。</translation>
    </message>
</context>
<context>
    <name>ParcelsVisitorsPage</name>
    <message>
        <location filename="../../ui/desk/parcels.py" line="519"/>
        <source>Parcel&amp;s</source>
        <translation>快递代收(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="520"/>
        <source>&amp;Visitors</source>
        <translation>访客登记(&amp;V)</translation>
    </message>
</context>
<context>
    <name>PatrolListModel</name>
    <message>
        <location filename="../../ui/desk/models.py" line="67"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="68"/>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="69"/>
        <source>Patroller</source>
        <translation>巡查人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="71"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="76"/>
        <source>Checked</source>
        <translation>已查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="82"/>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="84"/>
        <source>Abnormal</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="86"/>
        <source>Missed</source>
        <translation>漏检</translation>
    </message>
</context>
<context>
    <name>PatrolRunPanel</name>
    <message>
        <location filename="../../ui/desk/patrols.py" line="65"/>
        <location filename="../../ui/desk/patrols.py" line="138"/>
        <source>Choose a patrol, or start one</source>
        <translation>请选择一次巡查，或开始新的巡查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/patrols.py" line="76"/>
        <source>What was found (needed for abnormal)</source>
        <translation>发现的情况（异常时必填）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/patrols.py" line="77"/>
        <source>&amp;Normal</source>
        <translation>正常(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/patrols.py" line="78"/>
        <source>&amp;Abnormal</source>
        <translation>异常(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/patrols.py" line="79"/>
        <source>Ph&amp;oto…</source>
        <translation>照片(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/patrols.py" line="81"/>
        <source>Raise &amp;ticket</source>
        <translation>生成工单(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/patrols.py" line="82"/>
        <source>Finish patro&amp;l</source>
        <translation>结束巡查(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/patrols.py" line="92"/>
        <source>Ticket category</source>
        <translation>工单分类</translation>
    </message>
    <message>
        <location filename="../../ui/desk/patrols.py" line="177"/>
        <source>%1 · %2 · started %3 · %4 · checked %5 of %6, abnormal %7, missed %8</source>
        <translation>%1 · %2 · %3 开始 · %4 · 已查 %5/%6，异常 %7，漏检 %8</translation>
    </message>
    <message>
        <location filename="../../ui/desk/patrols.py" line="206"/>
        <source>Check: %1</source>
        <translation>检查内容：%1</translation>
    </message>
    <message>
        <location filename="../../ui/desk/patrols.py" line="256"/>
        <source>Photo of the finding</source>
        <translation>现场照片</translation>
    </message>
    <message>
        <location filename="../../ui/desk/patrols.py" line="256"/>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/patrols.py" line="260"/>
        <source>Photo %1 will be attached</source>
        <translation>将附上照片 %1</translation>
    </message>
    <message>
        <location filename="../../ui/desk/patrols.py" line="282"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/desk/patrols.py" line="313"/>
        <source>Ticket %1 raised</source>
        <translation>已生成工单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/desk/patrols.py" line="338"/>
        <source>%1 checkpoint(s) not checked will be recorded as missed. Press Finish again to confirm.</source>
        <translation>还有 %1 个巡查点未检查，将记为漏检。再按一次“结束巡查”确认。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/patrols.py" line="350"/>
        <source>Patrol finished; %1 missed</source>
        <translation>巡查已结束，漏检 %1 个点</translation>
    </message>
</context>
<context>
    <name>PatrolsPage</name>
    <message>
        <location filename="../../ui/desk/patrols.py" line="376"/>
        <source>&amp;Start patrol (Ctrl+N)</source>
        <translation>开始巡查(&amp;S) (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/patrols.py" line="389"/>
        <source>&amp;Route</source>
        <translation>路线(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/patrols.py" line="422"/>
        <source>%1 (%2 points)</source>
        <translation>%1（%2 个点）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/patrols.py" line="443"/>
        <source>No route yet: add one in Admin → Desk settings.</source>
        <translation>还没有巡查路线：请在“管理 → 前台设置”中添加。</translation>
    </message>
</context>
<context>
    <name>ShiftListModel</name>
    <message>
        <location filename="../../ui/desk/models.py" line="448"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="449"/>
        <source>On duty</source>
        <translation>值班人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="451"/>
        <source>Handed over</source>
        <translation>已交班</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="453"/>
        <source>on duty</source>
        <translation>值班中</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="455"/>
        <source>Taken over by</source>
        <translation>接班人</translation>
    </message>
</context>
<context>
    <name>ShiftLogPage</name>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="159"/>
        <source>Hand &amp;over…</source>
        <translation>交班(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="160"/>
        <source>Handover waiting to be taken over</source>
        <translation>待接班的交接</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="164"/>
        <source>&amp;Acknowledge and take over</source>
        <translation>确认并接班(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="174"/>
        <source>What happened (Ctrl+D; Enter adds)</source>
        <translation>事项（Ctrl+D；回车添加）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="175"/>
        <source>Follow &amp;up</source>
        <translation>需跟进(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="176"/>
        <source>An open item: it carries over at handover until done</source>
        <translation>待处理事项：处理完之前每次交班都会转交下一班</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="179"/>
        <source>Ticket no.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="181"/>
        <source>Add entr&amp;y</source>
        <translation>添加(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="192"/>
        <source>&amp;Mark done</source>
        <translation>标记已处理(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="198"/>
        <source>Print hando&amp;ver sheet… (Ctrl+P)</source>
        <translation>打印交接班记录(&amp;V)… (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="214"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="216"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="233"/>
        <source>Handover of the chosen shift</source>
        <translation>所选班次的交接内容</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="269"/>
        <source>On duty: %1 since %2</source>
        <translation>当前值班：%1，%2 接班</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="274"/>
        <source>Nobody on duty: take over to start the shift log</source>
        <translation>当前无人值班：接班后开始记录值班日志</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="279"/>
        <source>Handed over by %1 at %2: acknowledge to take over</source>
        <translation>%1 于 %2 交班：请确认后接班</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="284"/>
        <location filename="../../ui/desk/shiftlog.py" line="338"/>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="290"/>
        <source>No shift yet</source>
        <translation>尚无班次</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="291"/>
        <source>Start the first shift of the log.</source>
        <translation>开始第一个班次。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="328"/>
        <source>On duty: not handed over yet.</source>
        <translation>值班中，尚未交班。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="331"/>
        <source>Taken over by %1 at %2</source>
        <translation>%1 于 %2 接班</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="335"/>
        <source>Not yet taken over</source>
        <translation>尚未接班</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="360"/>
        <location filename="../../ui/desk/shiftlog.py" line="372"/>
        <source>Handover sheet</source>
        <translation>交接班记录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shiftlog.py" line="409"/>
        <source>No ticket numbered %1</source>
        <translation>没有编号为 %1 的工单</translation>
    </message>
</context>
<context>
    <name>UnitParcelsPanel</name>
    <message>
        <location filename="../../ui/desk/panels.py" line="101"/>
        <source>Parcels (%1 waiting, %2 in all)</source>
        <translation>快递（待取 %1 件，共 %2 件）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="88"/>
        <source>No parcels yet.</source>
        <translation>暂无快递记录。</translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <location filename="../../ui/desk/unit_picker.py" line="64"/>
        <source>Unit 3-2-1502, name, phone or pinyin; Enter picks</source>
        <translation>房号 3-2-1502、姓名、电话或拼音，回车选择</translation>
    </message>
    <message>
        <location filename="../../ui/desk/unit_picker.py" line="65"/>
        <location filename="../../ui/desk/unit_picker.py" line="92"/>
        <source>no unit</source>
        <translation>未选房屋</translation>
    </message>
    <message>
        <location filename="../../ui/desk/unit_picker.py" line="81"/>
        <source>%1 has no current unit</source>
        <translation>%1 目前没有在住房屋</translation>
    </message>
</context>
<context>
    <name>VacantCheckDialog</name>
    <message>
        <location filename="../../ui/desk/panels.py" line="130"/>
        <source>Vacant unit check</source>
        <translation>空置房检查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="131"/>
        <source>Doors and windows closed and intact</source>
        <translation>门窗关闭完好</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="132"/>
        <source>Water: valves off, no dripping</source>
        <translation>用水：总阀关闭，无滴漏</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="134"/>
        <source>Electricity: switched off, meter normal</source>
        <translation>用电：已断电，电表正常</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="136"/>
        <source>No leaks or damp</source>
        <translation>无渗漏、无潮湿</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="140"/>
        <source>What is wrong (needed when an item is not fine)</source>
        <translation>存在的问题（有异常项时必填）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="145"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>VacantChecksPanel</name>
    <message>
        <location filename="../../ui/desk/panels.py" line="215"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="216"/>
        <source>Set interval</source>
        <translation>设置间隔</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="217"/>
        <source>Record a check…</source>
        <translation>登记检查…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="222"/>
        <source>Check every</source>
        <translation>检查间隔</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="248"/>
        <source>Vacant unit checks · last %1 · next due %2</source>
        <translation>空置房检查 · 上次 %1 · 下次 %2</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="255"/>
        <source>doors/windows</source>
        <translation>门窗</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="256"/>
        <source>water</source>
        <translation>水</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="257"/>
        <source>electricity</source>
        <translation>电</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="258"/>
        <source>leaks</source>
        <translation>渗漏</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="263"/>
        <source>No checks recorded yet.</source>
        <translation>尚无检查记录。</translation>
    </message>
    <message>
        <source>Vacant unit checks · never checked: due now</source>
        <translation>空置房检查 · 从未检查，应尽快检查</translation>
    </message>
</context>
<context>
    <name>VacantDueModel</name>
    <message>
        <location filename="../../ui/desk/models.py" line="201"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="203"/>
        <source>Last checked</source>
        <translation>上次检查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="205"/>
        <source>never</source>
        <translation>从未检查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="208"/>
        <source>Due</source>
        <translation>应检日期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="211"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="217"/>
        <source>Interval (days)</source>
        <translation>间隔（天）</translation>
    </message>
</context>
<context>
    <name>VisitorModel</name>
    <message>
        <location filename="../../ui/desk/models.py" line="357"/>
        <source>In</source>
        <translation>到访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="358"/>
        <source>Out</source>
        <translation>离开</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="359"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="360"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="361"/>
        <source>Visiting</source>
        <translation>被访房屋</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="362"/>
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="363"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/desk/models.py" line="364"/>
        <source>Registered by</source>
        <translation>登记人</translation>
    </message>
</context>
<context>
    <name>VisitorsTab</name>
    <message>
        <location filename="../../ui/desk/parcels.py" line="407"/>
        <source>&amp;Check in</source>
        <translation>登记来访(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="410"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="411"/>
        <source>Ph&amp;one</source>
        <translation>电话(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="412"/>
        <source>Visiting uni&amp;t</source>
        <translation>被访房屋(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="413"/>
        <source>P&amp;urpose</source>
        <translation>事由(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="420"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="425"/>
        <source>&amp;Left</source>
        <translation>登记离开(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels.py" line="432"/>
        <source>Visitors of the last 24 hours and those still inside (blue)</source>
        <translation>最近24小时的访客及尚未离开的访客（蓝色）</translation>
    </message>
</context>
</TS>
