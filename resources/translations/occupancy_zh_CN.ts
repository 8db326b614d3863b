<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcceptDialog</name>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="301"/>
        <source>Completion acceptance</source>
        <translation>竣工验收</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="305"/>
        <source>Accepted on</source>
        <translation>验收日期</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="306"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="61"/>
        <source>New renovation application</source>
        <translation>新装修申请</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="73"/>
        <source>One worker per line: name and phone</source>
        <translation>每行一名施工人员：姓名 电话</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="77"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="78"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="79"/>
        <source>Owner&apos;s phone</source>
        <translation>业主电话</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="80"/>
        <source>Contractor</source>
        <translation>施工单位</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="81"/>
        <source>Site contact</source>
        <translation>现场负责人</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="82"/>
        <source>Contact&apos;s phone</source>
        <translation>负责人电话</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="83"/>
        <source>Scope of work</source>
        <translation>装修内容</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="84"/>
        <source>Planned start</source>
        <translation>计划开工</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="85"/>
        <source>Planned end</source>
        <translation>计划完工</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="86"/>
        <source>Deposit (yuan)</source>
        <translation>押金（元）</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="87"/>
        <source>Workers</source>
        <translation>施工人员</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="101"/>
        <source>Choose the unit first.</source>
        <translation>请先选择房屋。</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="47"/>
        <source>Book a move</source>
        <translation>搬家预约</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="53"/>
        <source>Moving in</source>
        <translation>搬入</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="54"/>
        <source>Moving out</source>
        <translation>搬出</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="60"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="61"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="62"/>
        <source>Slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="63"/>
        <source>Direction</source>
        <translation>搬入/搬出</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="64"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="65"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="66"/>
        <source>Moving company</source>
        <translation>搬家公司</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="67"/>
        <source>Vehicle plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="78"/>
        <source>Choose the unit first.</source>
        <translation>请先选择房屋。</translation>
    </message>
</context>
<context>
    <name>DepositDialog</name>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="137"/>
        <source>Collect deposit</source>
        <translation>收取押金</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="142"/>
        <source>Deposit (yuan)</source>
        <translation>押金（元）</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="143"/>
        <source>Paid by</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="144"/>
        <source>Transaction no.</source>
        <translation>交易流水号</translation>
    </message>
</context>
<context>
    <name>DepositKeyDialog</name>
    <message>
        <location filename="../../ui/keys/page.py" line="151"/>
        <source>Deposit a key</source>
        <translation>钥匙托管登记</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="157"/>
        <source>Names, separated by 、 or commas</source>
        <translation>姓名，用顿号或逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="161"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="162"/>
        <source>Deposited by</source>
        <translation>交存人</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="163"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="164"/>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="165"/>
        <source>May collect</source>
        <translation>授权领取人</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="166"/>
        <source>Number of keys</source>
        <translation>钥匙数量</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="182"/>
        <source>Choose the unit first.</source>
        <translation>请先选择房屋。</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="268"/>
        <source>Follow up violation</source>
        <translation>违规复查</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="270"/>
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="276"/>
        <source>Violation</source>
        <translation>违规</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="278"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="279"/>
        <source>New deadline</source>
        <translation>新整改期限</translation>
    </message>
</context>
<context>
    <name>GlanceTab</name>
    <message>
        <location filename="../../ui/renovation/page.py" line="221"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="222"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="223"/>
        <source>Permit no.</source>
        <translation>许可证号</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="224"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="225"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="261"/>
        <source>Overdue permits: %1 · expiring: %2 · inspections due today: %3 · overdue violations: %4</source>
        <translation>超期装修：%1 · 即将到期：%2 · 今日待巡查：%3 · 逾期未整改违规：%4</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="187"/>
        <source>Site inspection</source>
        <translation>装修巡查</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="200"/>
        <source>What was found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="209"/>
        <source>Needs repair: raise a service ticket</source>
        <translation>需要维修：生成服务工单</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="214"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="215"/>
        <source>no photos</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="221"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="222"/>
        <source>Inspector</source>
        <translation>巡查人</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="223"/>
        <source>Violations</source>
        <translation>违规项</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="224"/>
        <source>Rectify by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="226"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="227"/>
        <location filename="../../ui/renovation/dialogs.py" line="235"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/renovation/dialogs.py" line="231"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="235"/>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>KeyListModel</name>
    <message>
        <location filename="../../ui/keys/page.py" line="87"/>
        <source>Tag</source>
        <translation>钥匙牌号</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="88"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="89"/>
        <source>Deposited by</source>
        <translation>交存人</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="90"/>
        <source>May collect</source>
        <translation>授权领取人</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="91"/>
        <source>Keys</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="92"/>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="93"/>
        <source>Deposited</source>
        <translation>交存时间</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="94"/>
        <source>Lent to</source>
        <translation>借用人</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="95"/>
        <source>Due back</source>
        <translation>应还时间</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="96"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="115"/>
        <source>Withdrawn</source>
        <translation>已取回</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="117"/>
        <source>At the desk</source>
        <translation>在前台</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="119"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="120"/>
        <source>Lent out</source>
        <translation>已借出</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <location filename="../../ui/keys/page.py" line="127"/>
        <source>In custody</source>
        <translation>托管中</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="128"/>
        <source>Lent out</source>
        <translation>已借出</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="129"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="130"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="314"/>
        <source>Unit, tag or depositor</source>
        <translation>房号、牌号或交存人</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="320"/>
        <source>Deposit key… (Ctrl+N)</source>
        <translation>钥匙托管… (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="321"/>
        <source>Lend…</source>
        <translation>借出…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="322"/>
        <source>Returned…</source>
        <translation>归还…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="323"/>
        <source>Withdrawn by owner…</source>
        <translation>业主取回…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="325"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="394"/>
        <source>%1 lent out, %2 overdue</source>
        <translation>借出 %1 把，逾期 %2 把</translation>
    </message>
</context>
<context>
    <name>KeysStatusBar</name>
    <message>
        <location filename="../../ui/keys/page.py" line="451"/>
        <source>Keys overdue: %1</source>
        <translation>钥匙逾期未还：%1</translation>
    </message>
</context>
<context>
    <name>LendDialog</name>
    <message>
        <location filename="../../ui/keys/page.py" line="213"/>
        <source>Lend key</source>
        <translation>借出钥匙</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="224"/>
        <source>The borrower signs with their name</source>
        <translation>借用人签名</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="226"/>
        <source>Borrower</source>
        <translation>借用人</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="227"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="228"/>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="229"/>
        <source>Due back</source>
        <translation>应还时间</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="230"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
</context>
<context>
    <name>MenuAction</name>
    <message>
        <location filename="../../ui/renovation/registration.py" line="47"/>
        <source>Renovation violation types…</source>
        <translation>装修违规类型…</translation>
    </message>
</context>
<context>
    <name>MoveInDialog</name>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="78"/>
        <source>Move-in checklist</source>
        <translation>入伙交接</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="89"/>
        <source>Documents checked</source>
        <translation>资料已核验</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="91"/>
        <source>Fees settled</source>
        <translation>费用已结清</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="106"/>
        <source>Card numbers, separated by commas</source>
        <translation>卡号，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="107"/>
        <source>Parking applied for</source>
        <translation>已申请车位</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="109"/>
        <source>Signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="121"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="122"/>
        <source>New occupant</source>
        <translation>新住户</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="123"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="124"/>
        <source>As</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="126"/>
        <source>Unit / occupant</source>
        <translation>房屋 / 住户</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="127"/>
        <source>Move-in date</source>
        <translation>入伙日期</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="129"/>
        <source>Documents note</source>
        <translation>资料说明</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="131"/>
        <source>Unit account</source>
        <translation>房屋账户</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="132"/>
        <source>Water meter (m³)</source>
        <translation>水表读数（m³）</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="133"/>
        <source>Electricity meter (kWh)</source>
        <translation>电表读数（kWh）</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="134"/>
        <source>Keys handed over</source>
        <translation>移交钥匙</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="135"/>
        <source>Access cards</source>
        <translation>门禁卡</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="137"/>
        <source>Parking note</source>
        <translation>车位说明</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="138"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="139"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="142"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="143"/>
        <source>Complete move-in</source>
        <translation>办结入伙</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="144"/>
        <source>Print notice</source>
        <translation>打印入伙通知书</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="145"/>
        <source>Print handover form</source>
        <translation>打印交接单</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="146"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="247"/>
        <source>Owes %1 yuan</source>
        <translation>欠费 %1 元</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="251"/>
        <source>Nothing overdue</source>
        <translation>无欠费</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="262"/>
        <source>Choose the unit and the new occupant, then save.</source>
        <translation>请选择房屋并填写新住户，然后保存。</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="264"/>
        <source>Moved in: the occupancy has started.</source>
        <translation>已入住：入住记录已生效。</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="266"/>
        <source>This move-in was cancelled.</source>
        <translation>该入伙手续已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="269"/>
        <source>Still missing: %1</source>
        <translation>尚缺：%1</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="272"/>
        <source>All mandatory items are done: complete the move-in.</source>
        <translation>必办事项已全部完成，可以办结入伙。</translation>
    </message>
    <message>
        <location filename="../../ui/movein/checklist_dialog.py" line="303"/>
        <source>Choose the unit first.</source>
        <translation>请先选择房屋。</translation>
    </message>
</context>
<context>
    <name>MoveInListModel</name>
    <message>
        <location filename="../../ui/movein/page.py" line="65"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/movein/page.py" line="66"/>
        <source>Occupant</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../ui/movein/page.py" line="67"/>
        <source>As</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../ui/movein/page.py" line="68"/>
        <source>Move-in date</source>
        <translation>入伙日期</translation>
    </message>
    <message>
        <location filename="../../ui/movein/page.py" line="69"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/movein/page.py" line="70"/>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>MoveInPage</name>
    <message>
        <location filename="../../ui/movein/page.py" line="181"/>
        <source>Move-ins</source>
        <translation>入伙</translation>
    </message>
    <message>
        <location filename="../../ui/movein/page.py" line="182"/>
        <source>Moving appointments</source>
        <translation>搬家预约</translation>
    </message>
    <message>
        <location filename="../../ui/movein/page.py" line="183"/>
        <source>Move-out</source>
        <translation>迁出</translation>
    </message>
</context>
<context>
    <name>MoveInPrinting</name>
    <message>
        <location filename="../../ui/movein/printing.py" line="45"/>
        <source>Move-in notice {0}</source>
        <translation>入伙通知书 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/movein/printing.py" line="67"/>
        <source>Handover form {0}</source>
        <translation>入伙交接单 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/movein/printing.py" line="89"/>
        <source>Move-out slip {0}</source>
        <translation>放行条 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/movein/printing.py" line="111"/>
        <source>Moving list {0}</source>
        <translation>搬家预约表 {0}</translation>
    </message>
</context>
<context>
    <name>MoveInStatus</name>
    <message>
        <location filename="../../ui/movein/page.py" line="39"/>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/movein/page.py" line="40"/>
        <source>Moved in</source>
        <translation>已入住</translation>
    </message>
    <message>
        <location filename="../../ui/movein/page.py" line="41"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>MoveInsTab</name>
    <message>
        <location filename="../../ui/movein/page.py" line="78"/>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/movein/page.py" line="79"/>
        <source>Moved in</source>
        <translation>已入住</translation>
    </message>
    <message>
        <location filename="../../ui/movein/page.py" line="80"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/movein/page.py" line="100"/>
        <source>Unit or name</source>
        <translation>房号或姓名</translation>
    </message>
    <message>
        <location filename="../../ui/movein/page.py" line="101"/>
        <source>New move-in… (Ctrl+N)</source>
        <translation>新入伙… (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/movein/page.py" line="102"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/movein/page.py" line="108"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>MoveOutListModel</name>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="60"/>
        <source>Slip no.</source>
        <translation>放行条号</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="61"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="62"/>
        <source>Moved out</source>
        <translation>迁出人</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="63"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="64"/>
        <source>Arrears</source>
        <translation>欠费</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="65"/>
        <source>Released by</source>
        <translation>批准放行</translation>
    </message>
</context>
<context>
    <name>MoveOutTab</name>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="98"/>
        <source>Why the occupant may leave with arrears (a manager approves)</source>
        <translation>允许欠费迁出的原因（须经理批准）</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="104"/>
        <source>Release with arrears: a manager enters their username and password.</source>
        <translation>欠费放行：请经理输入用户名和密码授权。</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="108"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="109"/>
        <source>Occupant leaving</source>
        <translation>迁出住户</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="110"/>
        <source>Unit account</source>
        <translation>房屋账户</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="111"/>
        <source>Move-out date</source>
        <translation>迁出日期</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="112"/>
        <source>Water meter (m³)</source>
        <translation>水表读数（m³）</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="113"/>
        <source>Electricity meter (kWh)</source>
        <translation>电表读数（kWh）</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="114"/>
        <source>Keys returned</source>
        <translation>交回钥匙</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="115"/>
        <source>Cards returned</source>
        <translation>交回门禁卡</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="116"/>
        <source>Arrears waiver</source>
        <translation>欠费放行批准</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="119"/>
        <source>Items taken out</source>
        <translation>带出物品</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="120"/>
        <source>Record move-out</source>
        <translation>办理迁出</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="121"/>
        <source>Print move-out slip</source>
        <translation>打印放行条</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="139"/>
        <source>Recent move-outs (Enter reprints the slip)</source>
        <translation>最近迁出（回车重印放行条）</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="170"/>
        <source>Open arrears %1 yuan: settle first or a manager waives</source>
        <translation>欠费 %1 元：须先结清或经理批准</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="176"/>
        <source>Nothing owed</source>
        <translation>无欠费</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="216"/>
        <source>Choose who moves out.</source>
        <translation>请选择迁出的住户。</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="219"/>
        <location filename="../../ui/movein/moveout_tab.py" line="222"/>
        <source>Take the final meter readings.</source>
        <translation>请抄录水电表最终读数。</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moveout_tab.py" line="245"/>
        <source>Moved out: slip %1 for %2</source>
        <translation>已迁出：%2 放行条 %1</translation>
    </message>
</context>
<context>
    <name>MovingTab</name>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="114"/>
        <source>Slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="115"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="117"/>
        <source>Direction</source>
        <translation>搬入/搬出</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="118"/>
        <source>in</source>
        <translation>搬入</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="118"/>
        <source>out</source>
        <translation>搬出</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="120"/>
        <source>Elevator</source>
        <translation>电梯</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="121"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="123"/>
        <source>Moving company</source>
        <translation>搬家公司</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="134"/>
        <source>Book a move…</source>
        <translation>预约搬家…</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="135"/>
        <source>Cancel booking</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="136"/>
        <source>Print guards&apos; list</source>
        <translation>打印门岗搬家表</translation>
    </message>
    <message>
        <location filename="../../ui/movein/moving_tab.py" line="138"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>NavModule</name>
    <message>
        <location filename="../../ui/renovation/registration.py" line="26"/>
        <source>Move-in / out</source>
        <translation>入伙迁出</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/registration.py" line="32"/>
        <source>Renovation</source>
        <translation>装修管理</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/registration.py" line="38"/>
        <source>Keys</source>
        <translation>钥匙</translation>
    </message>
</context>
<context>
    <name>PermitListModel</name>
    <message>
        <location filename="../../ui/renovation/page.py" line="63"/>
        <source>Permit no.</source>
        <translation>许可证号</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="64"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="65"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="66"/>
        <source>Contractor</source>
        <translation>施工单位</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="67"/>
        <source>Start</source>
        <translation>开工</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="68"/>
        <source>End</source>
        <translation>完工</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="69"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="70"/>
        <source>Deposit</source>
        <translation>押金</translation>
    </message>
</context>
<context>
    <name>PermitView</name>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="72"/>
        <location filename="../../ui/renovation/permit_view.py" line="168"/>
        <source>Choose an application in the list.</source>
        <extracomment>A row of the inspections table: (date and inspector, violation or None, inspection notes).</extracomment>
        <translation>请在列表中选择一份装修申请。</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="77"/>
        <source>Inspected</source>
        <translation>巡查</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="78"/>
        <source>Violation</source>
        <translation>违规</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="78"/>
        <source>None found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="79"/>
        <source>Found</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="80"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="81"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="98"/>
        <source>Collect deposit…</source>
        <translation>收取押金…</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="99"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="100"/>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="101"/>
        <source>Cancel permit…</source>
        <translation>撤销装修…</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="102"/>
        <source>Record inspection…</source>
        <translation>登记巡查…</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="103"/>
        <source>Follow up violation…</source>
        <translation>违规复查…</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="104"/>
        <source>Completion acceptance…</source>
        <translation>竣工验收…</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="105"/>
        <source>Refund deposit…</source>
        <translation>退还押金…</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="110"/>
        <source>Print rectification notice</source>
        <translation>打印整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="106"/>
        <source>Print permit</source>
        <translation>打印装修许可证</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="107"/>
        <source>Print workers&apos; passes</source>
        <translation>打印施工出入证</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="108"/>
        <source>Inspection photos…</source>
        <translation>巡查照片…</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="132"/>
        <source>Inspections and violations</source>
        <translation>巡查与违规</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="148"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="150"/>
        <source>Rectified %1</source>
        <translation>%1 已整改</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="152"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="153"/>
        <source>Not rectified</source>
        <translation>未整改</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="182"/>
        <source>Owner: %1 %2</source>
        <translation>业主：%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="183"/>
        <source>Contractor: %1 (%2 %3)</source>
        <translation>施工单位：%1（%2 %3）</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="187"/>
        <source>Scope: %1</source>
        <translation>装修内容：%1</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="188"/>
        <source>Planned: %1 to %2</source>
        <translation>工期：%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="191"/>
        <source>Deposit: %1 yuan %2</source>
        <translation>押金：%1 元 %2</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="195"/>
        <source>(receipt %1)</source>
        <translation>（收据 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="197"/>
        <source>(not collected)</source>
        <translation>（未收取）</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="201"/>
        <source>Workers: %1</source>
        <translation>施工人员：%1</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="206"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="209"/>
        <source>Accepted on %1 by %2</source>
        <translation>%1 由 %2 验收</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="216"/>
        <source>Refunded %1 yuan (deductions: %2)</source>
        <translation>已退押金 %1 元（扣款：%2）</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="230"/>
        <source>%1 inspections, %2 open violations</source>
        <translation>巡查 %1 次，未整改违规 %2 项</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="289"/>
        <source>Reject application</source>
        <translation>驳回申请</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="303"/>
        <source>Cancel permit</source>
        <translation>撤销装修</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="377"/>
        <source>Inspection photos %1</source>
        <translation>巡查照片 %1</translation>
    </message>
</context>
<context>
    <name>PermitWindow</name>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="404"/>
        <source>Renovation permit</source>
        <translation>装修许可证</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="407"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/permit_view.py" line="421"/>
        <source>Renovation permit %1</source>
        <translation>装修许可证 %1</translation>
    </message>
</context>
<context>
    <name>PermitsTab</name>
    <message>
        <location filename="../../ui/renovation/page.py" line="84"/>
        <source>Active</source>
        <translation>未结束</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="85"/>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="86"/>
        <source>Under way</source>
        <translation>施工中</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="87"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="88"/>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="89"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="121"/>
        <source>Unit, permit no. or owner</source>
        <translation>房号、许可证号或业主</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="122"/>
        <source>New application… (Ctrl+N)</source>
        <translation>新申请… (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="129"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>PhotosDialog</name>
    <message>
        <location filename="../../ui/renovation/photos.py" line="31"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/photos.py" line="49"/>
        <source>No photos.</source>
        <translation>没有照片。</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/photos.py" line="65"/>
        <source>This file is not an image.</source>
        <translation>该文件不是图片。</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="167"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="323"/>
        <source>Refund deposit</source>
        <translation>退还押金</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="329"/>
        <source>Add deduction</source>
        <translation>添加扣款</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="333"/>
        <source>Deposit (yuan)</source>
        <translation>押金（元）</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="334"/>
        <source>Deductions</source>
        <translation>扣款</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="336"/>
        <source>Refund (yuan)</source>
        <translation>退款（元）</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="337"/>
        <source>Refund by</source>
        <translation>退款方式</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="346"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="348"/>
        <source>Yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/dialogs.py" line="370"/>
        <source>check the amounts</source>
        <translation>请检查金额</translation>
    </message>
</context>
<context>
    <name>Renovation</name>
    <message>
        <location filename="../../ui/renovation/printing.py" line="125"/>
        <source>Rectification notice {0}</source>
        <translation>整改通知书 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/printing.py" line="55"/>
        <source>Renovation permit {0}</source>
        <translation>装修许可证 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/printing.py" line="77"/>
        <source>Workers&apos; passes {0}</source>
        <translation>施工人员出入证 {0}</translation>
    </message>
</context>
<context>
    <name>RenovationGlance</name>
    <message>
        <location filename="../../ui/renovation/labels.py" line="17"/>
        <source>Permit overdue</source>
        <translation>超期未验收</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/labels.py" line="18"/>
        <source>Permit expiring</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/labels.py" line="19"/>
        <source>Inspection due</source>
        <translation>待巡查</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/labels.py" line="20"/>
        <source>Violation overdue</source>
        <translation>违规逾期</translation>
    </message>
</context>
<context>
    <name>RenovationKeysPanel</name>
    <message>
        <location filename="../../ui/renovation/unit_panel.py" line="32"/>
        <source>Renovation and keys</source>
        <translation>装修与钥匙</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/unit_panel.py" line="42"/>
        <source>Renovation application…</source>
        <translation>装修申请…</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/unit_panel.py" line="43"/>
        <source>Deposit a key…</source>
        <translation>钥匙托管…</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/unit_panel.py" line="84"/>
        <source>No renovation on record.</source>
        <translation>无装修记录。</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/unit_panel.py" line="87"/>
        <source>Key %1 (%2 keys) from %3; may collect: %4</source>
        <translation>钥匙 %1（%2 把），交存人 %3；授权领取：%4</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/unit_panel.py" line="96"/>
        <source>  lent to %1, due %2</source>
        <translation>  借给 %1，应于 %2 归还</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/unit_panel.py" line="97"/>
        <source> — OVERDUE</source>
        <translation> — 已逾期</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/unit_panel.py" line="99"/>
        <source>No keys held for this unit.</source>
        <translation>前台未托管该房屋的钥匙。</translation>
    </message>
</context>
<context>
    <name>RenovationPage</name>
    <message>
        <location filename="../../ui/renovation/page.py" line="286"/>
        <source>Permits</source>
        <translation>装修申请</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/page.py" line="287"/>
        <source>At a glance</source>
        <translation>待办一览</translation>
    </message>
</context>
<context>
    <name>RenovationStatus</name>
    <message>
        <location filename="../../ui/renovation/labels.py" line="8"/>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/labels.py" line="9"/>
        <source>Under way</source>
        <translation>施工中</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/labels.py" line="10"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/labels.py" line="11"/>
        <source>Accepted</source>
        <translation>已验收</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/labels.py" line="12"/>
        <source>Deposit refunded</source>
        <translation>已退押金</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/labels.py" line="13"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>RenovationStatusBar</name>
    <message>
        <location filename="../../ui/renovation/page.py" line="313"/>
        <source>Renovation: %1 overdue, %2 expiring, %3 to inspect, %4 violations past deadline</source>
        <translation>装修：超期 %1 · 将到期 %2 · 待巡查 %3 · 逾期违规 %4</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/keys/page.py" line="259"/>
        <source>Key returned</source>
        <translation>钥匙归还</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="263"/>
        <source>Returned by</source>
        <translation>归还人</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="264"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
</context>
<context>
    <name>ViolationTypesDialog</name>
    <message>
        <location filename="../../ui/renovation/settings_dialog.py" line="37"/>
        <source>Renovation violation types</source>
        <translation>装修违规类型</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/settings_dialog.py" line="41"/>
        <location filename="../../ui/renovation/settings_dialog.py" line="61"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/settings_dialog.py" line="42"/>
        <location filename="../../ui/renovation/settings_dialog.py" line="62"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/settings_dialog.py" line="43"/>
        <location filename="../../ui/renovation/settings_dialog.py" line="63"/>
        <source>Days to rectify</source>
        <translation>整改天数</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/settings_dialog.py" line="44"/>
        <location filename="../../ui/renovation/settings_dialog.py" line="59"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/settings_dialog.py" line="44"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/settings_dialog.py" line="44"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/settings_dialog.py" line="65"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/settings_dialog.py" line="66"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/renovation/settings_dialog.py" line="68"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../../ui/keys/page.py" line="283"/>
        <source>Key withdrawn</source>
        <translation>业主取回钥匙</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="286"/>
        <source>Collected by</source>
        <translation>取回人</translation>
    </message>
</context>
</TS>
