<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BankTab</name>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="33"/>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="34"/>
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="35"/>
        <source>Topic</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="36"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="37"/>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="37"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="38"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="38"/>
        <source>retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="47"/>
        <source>Questionnaire</source>
        <translation>问卷</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="48"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="49"/>
        <source>Questions</source>
        <translation>题数</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="50"/>
        <source>Used by a campaign</source>
        <translation>已被调查使用</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="38"/>
        <location filename="../../ui/surveys/bank_tab.py" line="50"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="59"/>
        <source>New &amp;question…</source>
        <translation>新建题目(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="62"/>
        <source>&amp;Edit question…</source>
        <translation>修改题目(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="64"/>
        <source>Re&amp;tire / restore</source>
        <translation>停用/恢复(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="66"/>
        <source>New q&amp;uestionnaire…</source>
        <translation>新建问卷(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="69"/>
        <source>Re&amp;vise questionnaire…</source>
        <translation>修订问卷(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="84"/>
        <source>Question bank (a question answered once is locked)</source>
        <translation>题库（题目一经作答即锁定）</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="89"/>
        <source>Questionnaires (one in use is revised as a new version)</source>
        <translation>问卷（已使用的问卷修订后成为新版本）</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="156"/>
        <source>Question restored to the bank.</source>
        <translation>题目已恢复启用。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="158"/>
        <source>Question retired: new questionnaires leave it out.</source>
        <translation>题目已停用：新问卷不再包含它。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="179"/>
        <source>%1 is used by a campaign: saved as version %2.</source>
        <translation>%1 已被调查使用：已另存为第 %2 版。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/bank_tab.py" line="184"/>
        <source>Questionnaire %1 saved.</source>
        <translation>问卷 %1 已保存。</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="370"/>
        <source>Call back %1</source>
        <translation>约定回拨 %1</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="379"/>
        <source>Call &amp;back at</source>
        <translation>回拨时间(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="380"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>CallsTab</name>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="113"/>
        <source>C&amp;ampaign</source>
        <translation>调查(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="117"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="118"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="119"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="120"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="121"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="122"/>
        <source>Attempts</source>
        <translation>已拨次数</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="123"/>
        <source>Call back at</source>
        <translation>约定回拨</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="124"/>
        <source>Last call</source>
        <translation>最近拨打</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="140"/>
        <source>&amp;Next household</source>
        <translation>下一户(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="141"/>
        <source>Call this &amp;one</source>
        <translation>拨打此户(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="142"/>
        <source>Show n&amp;umber</source>
        <translation>显示号码(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="144"/>
        <source>No ans&amp;wer (F5)</source>
        <translation>无人接听(&amp;W) F5</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="146"/>
        <source>&amp;Refused (F7)</source>
        <translation>拒访(&amp;R) F7</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="148"/>
        <source>Call &amp;back at… (F8)</source>
        <translation>约定回拨(&amp;B)… F8</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="252"/>
        <source>Nobody left to call in this campaign.</source>
        <translation>本次调查已没有待拨打的住户。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="254"/>
        <source>No open campaign: draw a sample first.</source>
        <translation>没有进行中的调查：请先抽样。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="262"/>
        <source>contact %1</source>
        <translation>联系人 %1</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="263"/>
        <source>phone %1</source>
        <translation>电话 %1</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="264"/>
        <source>calls %1 of %2</source>
        <translation>已拨 %1/%2 次</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="268"/>
        <source>asked to be called back at %1</source>
        <translation>约定 %1 回拨</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="311"/>
        <source>%1: %2, now %3.</source>
        <translation>%1：%2，现为“%3”。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="327"/>
        <source>no answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="328"/>
        <source>refused</source>
        <translation>拒访</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="329"/>
        <source>call back</source>
        <translation>约定回拨</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="330"/>
        <source>answered</source>
        <translation>已答卷</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="345"/>
        <source>%1 will be called back at %2.</source>
        <translation>%1 将于 %2 回拨。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="357"/>
        <source>No household is being called.</source>
        <translation>当前没有正在拨打的住户。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="373"/>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="269"/>
        <source>New survey campaign</source>
        <translation>新建满意度调查</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="276"/>
        <source>%1 (version %2)</source>
        <translation>%1（第 %2 版）</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="295"/>
        <source>Same rate in every building</source>
        <translation>各楼栋按同一比例分层抽样</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="301"/>
        <source>no rotation</source>
        <translation>不轮换</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="310"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="311"/>
        <source>&amp;Questionnaire</source>
        <translation>问卷(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="313"/>
        <source>&amp;Buildings (none ticked: all)</source>
        <translation>楼栋(&amp;B)（不勾选即全部）</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="315"/>
        <source>Sampling &amp;rate</source>
        <translation>抽样比例(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="317"/>
        <source>Ro&amp;tation (months)</source>
        <translation>轮换期（月）(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="318"/>
        <source>Phone &amp;attempts</source>
        <translation>最多拨打次数(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="319"/>
        <source>&amp;Starts</source>
        <translation>开始日期(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="320"/>
        <source>&amp;Ends</source>
        <translation>结束日期(&amp;E)</translation>
    </message>
</context>
<context>
    <name>CampaignsTab</name>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="82"/>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="86"/>
        <source>%1 and others (%2 buildings)</source>
        <translation>%1等 %2 栋</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="96"/>
        <source>Activity: %1</source>
        <translation>活动：%1</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="106"/>
        <source>vacant units: %1</source>
        <translation>空置房 %1 户</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="109"/>
        <source>nobody registered living there: %1</source>
        <translation>无人登记入住 %1 户</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="111"/>
        <source>no phone on record: %1</source>
        <translation>没有登记电话 %1 户</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="114"/>
        <source>surveyed within the last %2 months: %1</source>
        <translation>近 %2 个月内已抽中过 %1 户</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="121"/>
        <source>%1 households in the buildings, all eligible (nobody left out), %3 drawn.</source>
        <translation>调查楼栋共 %1 户，全部符合抽样条件（没有住户被排除），抽中 %3 户。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="126"/>
        <source>%1 households in the buildings, %2 eligible, %3 drawn; left out: %4 (%5).</source>
        <translation>调查楼栋共 %1 户，符合抽样条件 %2 户，抽中 %3 户；未纳入抽样 %4 户（%5）。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="130"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="146"/>
        <source>%1 is the feedback questionnaire of the activity %2: its %3 households are those that attended (no draw).</source>
        <translation>%1 是活动「%2」的反馈问卷：调查对象是签到参加的 %3 户（不抽样）。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="156"/>
        <source>Sample of %1: </source>
        <translation>%1 的抽样：</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="160"/>
        <source>%1 is a draft: no sample drawn yet.</source>
        <translation>%1 还是草稿，尚未抽样。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="163"/>
        <source>%1 was drawn before the draw&apos;s figures were kept.</source>
        <translation>%1 抽样时尚未记录排除情况，无法显示。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="201"/>
        <source>Campaign</source>
        <translation>调查</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="203"/>
        <source>Questionnaire</source>
        <translation>问卷</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="206"/>
        <source>Buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="207"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="208"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="209"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="210"/>
        <source>Rate</source>
        <translation>比例</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="211"/>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="212"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="213"/>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="214"/>
        <source>Non-response</source>
        <translation>未应答</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="215"/>
        <source>Response rate</source>
        <translation>应答率</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="225"/>
        <source>&amp;New campaign…</source>
        <translation>新建调查(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="226"/>
        <source>&amp;Draw sample</source>
        <translation>抽取样本(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="228"/>
        <source>C&amp;lose campaign…</source>
        <translation>结束调查(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="231"/>
        <source>Print &amp;blank form…</source>
        <translation>打印空白问卷(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="234"/>
        <source>Print forms for the s&amp;ample…</source>
        <translation>打印样本户问卷(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="305"/>
        <source>Make a questionnaire in the question bank first.</source>
        <translation>请先在题库中建立问卷。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="324"/>
        <source>Campaign created: draw its sample next.</source>
        <translation>调查已建立：下一步请抽取样本。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="350"/>
        <source>Sample drawn: %1 households; the call queue is open.</source>
        <translation>已抽取样本 %1 户，可以开始电话访问。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="363"/>
        <source>Close campaign</source>
        <translation>结束调查</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="364"/>
        <source>Close %1? The %2 household(s) still open count as non-response.</source>
        <translation>结束“%1”？仍未完成的 %2 户将计为未应答。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="378"/>
        <source>Campaign closed.</source>
        <translation>调查已结束。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="404"/>
        <source>Questionnaires %1</source>
        <translation>%1问卷（样本户）</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/campaigns_tab.py" line="404"/>
        <source>Questionnaire %1</source>
        <translation>%1问卷</translation>
    </message>
</context>
<context>
    <name>NavModule</name>
    <message>
        <location filename="../../ui/surveys/registration.py" line="16"/>
        <source>Satisfaction surveys</source>
        <translation>满意度调查</translation>
    </message>
</context>
<context>
    <name>PaperTab</name>
    <message>
        <location filename="../../ui/surveys/paper_tab.py" line="71"/>
        <source>e.g. 3-2-1502; Enter</source>
        <translation>如 3-2-1502，按回车</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/paper_tab.py" line="73"/>
        <source>as written on the form; Enter</source>
        <translation>按问卷上的编号填写，按回车</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/paper_tab.py" line="82"/>
        <source>C&amp;ampaign</source>
        <translation>调查(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/paper_tab.py" line="83"/>
        <source>&amp;Unit code</source>
        <translation>房号(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/paper_tab.py" line="84"/>
        <source>Form &amp;number</source>
        <translation>问卷编号(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/paper_tab.py" line="117"/>
        <source>No open campaign: forms are entered while it is open.</source>
        <translation>没有进行中的调查：纸质问卷只能在调查进行中录入。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/paper_tab.py" line="138"/>
        <source>%1 is not in this campaign&apos;s sample.</source>
        <translation>%1 不在本次调查的样本中。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/paper_tab.py" line="148"/>
        <source> — already answered</source>
        <translation> —— 已答过</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/paper_tab.py" line="157"/>
        <source>Type the form&apos;s number first.</source>
        <translation>请先填写问卷编号。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/paper_tab.py" line="171"/>
        <source>Form %1 was printed for another household; %2&apos;s form is %3. Check the unit and the number (Enter again keeps %1).</source>
        <translation>问卷编号 %1 是打印给另一户的；%2 的问卷编号是 %3。请核对房号和编号（再按回车则保留 %1）。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/paper_tab.py" line="200"/>
        <source>Type the household first.</source>
        <translation>请先填写房号。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/paper_tab.py" line="222"/>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="68"/>
        <source>Edit question</source>
        <translation>修改题目</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="68"/>
        <source>New question</source>
        <translation>新建题目</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="76"/>
        <source>e.g. 保洁, 安保, 维修, 客服</source>
        <translation>如 保洁、安保、维修、客服</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="80"/>
        <source>One option a line</source>
        <translation>每行一个选项</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="82"/>
        <source>Five labels, 1 to 5, separated by /</source>
        <translation>1 到 5 分的五个说明，用 / 分隔</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="83"/>
        <source>&amp;Type</source>
        <translation>题型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="84"/>
        <source>&amp;Question</source>
        <translation>题目(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="85"/>
        <source>T&amp;opic</source>
        <translation>类别(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="86"/>
        <source>O&amp;ptions</source>
        <translation>选项(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="87"/>
        <source>Rating &amp;labels</source>
        <translation>评分说明(&amp;L)</translation>
    </message>
</context>
<context>
    <name>QuestionnaireDialog</name>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="140"/>
        <source>Revise questionnaire %1 (version %2)</source>
        <translation>修订问卷 %1（第 %2 版）</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="144"/>
        <source>New questionnaire</source>
        <translation>新建问卷</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="173"/>
        <source>Part of a question; Down goes to the list</source>
        <translation>题目中的几个字；按下箭头到列表</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="177"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="180"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/dialogs.py" line="182"/>
        <source>&amp;Questions (Space ticks, Alt+Up/Down moves)</source>
        <translation>题目(&amp;Q)（空格勾选，Alt+上/下移动）</translation>
    </message>
</context>
<context>
    <name>RecheckTab</name>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="87"/>
        <source>C&amp;ampaign</source>
        <translation>调查(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="91"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="92"/>
        <source>Form number</source>
        <translation>问卷编号</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="94"/>
        <source>Re-check</source>
        <translation>复核</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="95"/>
        <source>done</source>
        <translation>已复核</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="95"/>
        <source>to call</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="98"/>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="108"/>
        <source>&amp;Re-check this form</source>
        <translation>复核此问卷(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="110"/>
        <source>Show n&amp;umber</source>
        <translation>显示号码(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="114"/>
        <source>Choose a form and press Enter to re-check it by phone.</source>
        <translation>选中一份问卷后按回车，开始电话复核。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="178"/>
        <source>No form drawn for a re-check.</source>
        <translation>没有抽中复核的问卷。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="183"/>
        <source>Form %1 was re-checked already: %2 difference(s).</source>
        <translation>问卷 %1 已复核：差异 %2 处。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="194"/>
        <source>Re-checking form %1 of %2: ask the questions again</source>
        <translation>复核 %2 的问卷 %1：请重新询问以下问题</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="219"/>
        <source>Form %1: the answers by phone match the paper.</source>
        <translation>问卷 %1：电话回答与纸质问卷一致。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="223"/>
        <source>Form %1 differs from the paper:</source>
        <translation>问卷 %1 与纸质问卷不一致之处：</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="227"/>
        <source>Q%1 %2: paper %3, by phone %4</source>
        <translation>第%1题 %2：纸质 %3，电话 %4</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="250"/>
        <source>Choose a form to re-check first.</source>
        <translation>请先选择要复核的问卷。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="257"/>
        <source>Re-check of form %1 recorded: %2 answer(s) differ from the paper.</source>
        <translation>问卷 %1 复核完成：有 %2 题与纸质问卷不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="261"/>
        <source>Re-check of form %1 recorded: the answers match the paper.</source>
        <translation>问卷 %1 复核完成：与纸质问卷一致。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/recheck_tab.py" line="275"/>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
</context>
<context>
    <name>ResultsTab</name>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="81"/>
        <source>C&amp;ampaign</source>
        <translation>调查(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="83"/>
        <source>Prin&amp;t report…</source>
        <translation>打印报告(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="85"/>
        <source>E&amp;xport to Excel…</source>
        <translation>导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="92"/>
        <source>Mean per question</source>
        <translation>各题平均分</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="95"/>
        <source>Answers</source>
        <translation>答案分布</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="99"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="100"/>
        <location filename="../../ui/surveys/results_tab.py" line="136"/>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="101"/>
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="102"/>
        <location filename="../../ui/surveys/results_tab.py" line="140"/>
        <source>Answered</source>
        <translation>答卷</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="103"/>
        <location filename="../../ui/surveys/results_tab.py" line="126"/>
        <source>Mean</source>
        <translation>平均分</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="104"/>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="105"/>
        <source>Previous</source>
        <translation>上次平均分</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="106"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="117"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="118"/>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="119"/>
        <source>Responses</source>
        <translation>有效答卷</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="121"/>
        <source>Response rate</source>
        <translation>应答率</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="135"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="137"/>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="138"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="138"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="139"/>
        <source>Callback ticket</source>
        <translation>回访工单</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="141"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="173"/>
        <source>Comments and complaints</source>
        <translation>意见与投诉</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="201"/>
        <source>No campaign with a sample yet.</source>
        <translation>还没有已抽样的调查。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="224"/>
        <source>Sample %1 households; %2 responses (phone %3, paper %4); response rate %5</source>
        <translation>抽样 %1 户；有效答卷 %2 份（电话 %3，纸质 %4）；应答率 %5</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="232"/>
        <source>Not answered yet %1: refused %2, not reached or still to call %3</source>
        <translation>尚未应答 %1 户：拒访 %2，未联系上或待拨打 %3（调查进行中，结束时计为未应答）</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="234"/>
        <source>Non-response %1: refused %2, unreached %3</source>
        <translation>未应答 %1 户：拒访 %2，未联系上 %3</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="239"/>
        <source>Overall mean %1, satisfied %2; callback tickets %3</source>
        <translation>总体平均分 %1，满意率 %2；回访工单 %3 张</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="247"/>
        <source>Previous campaign %1: mean %2 on the same questions, now %3 (change %4)</source>
        <translation>上次调查 %1：相同题目平均分 %2，本次 %3（变化 %4）</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="254"/>
        <source>No earlier campaign on the same questions to compare with.</source>
        <translation>没有相同题目的往期调查可比较。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="258"/>
        <source>Paper forms drawn for a re-check %1, differences found %2</source>
        <translation>纸质问卷抽中复核 %1 份，已发现差异 %2 处</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="277"/>
        <source>Q%1</source>
        <translation>第%1题</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="300"/>
        <source>Q%1: %2</source>
        <translation>第%1题：%2</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="346"/>
        <source>Export survey results</source>
        <translation>导出调查结果</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/results_tab.py" line="348"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>SurveyEntry</name>
    <message>
        <location filename="../../ui/surveys/entry.py" line="85"/>
        <source>Comment (Tab here; Enter goes on)</source>
        <translation>意见（Tab 键到此；回车继续）</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/entry.py" line="86"/>
        <source>Co&amp;mment</source>
        <translation>意见(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/entry.py" line="89"/>
        <source>&amp;Complaint: call back</source>
        <translation>投诉，需回访(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/entry.py" line="230"/>
        <source>A rating is 1 to 5.</source>
        <translation>评分为 1 到 5 分。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/entry.py" line="241"/>
        <source>There is no option %1.</source>
        <translation>没有第 %1 个选项。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/entry.py" line="248"/>
        <source>Press 1 to 5 for the rating first.</source>
        <translation>请先按 1–5 评分。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/entry.py" line="250"/>
        <source>Press the number of an option first.</source>
        <translation>请先按选项的数字。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/entry.py" line="252"/>
        <source>Press the numbers of the options chosen, then Enter.</source>
        <translation>请按所选选项的数字，再按回车。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/entry.py" line="254"/>
        <source>A complaint needs its text in the comment box.</source>
        <translation>标为投诉时请在意见栏填写内容。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/entry.py" line="269"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/entry.py" line="291"/>
        <source>No questionnaire to enter.</source>
        <translation>没有要录入的问卷。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/entry.py" line="302"/>
        <source>Question %1 of %2 (%3)</source>
        <translation>第 %1 / %2 题（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/entry.py" line="315"/>
        <source>Enter submits</source>
        <translation>回车提交</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/entry.py" line="315"/>
        <source>Enter: next question</source>
        <translation>回车：下一题</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/entry.py" line="317"/>
        <source>Press 1–5 for the rating</source>
        <translation>按 1–5 评分</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/entry.py" line="318"/>
        <source>Press the option&apos;s number</source>
        <translation>按选项的数字</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/entry.py" line="319"/>
        <source>Press numbers to tick or untick options</source>
        <translation>按数字勾选或取消选项</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/entry.py" line="320"/>
        <source>Type the comment; tick Complaint (Alt+C) to call back</source>
        <translation>填写意见；需回访的投诉请勾选（Alt+C）</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/entry.py" line="322"/>
        <source>PageUp: back</source>
        <translation>PageUp：上一题</translation>
    </message>
</context>
<context>
    <name>SurveySaved</name>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="83"/>
        <source>Answers of %1 saved.</source>
        <translation>%1 的答卷已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="87"/>
        <source> A callback ticket was opened for the dissatisfied answer or complaint: %1</source>
        <translation>不满意评价或投诉已生成回访工单：%1</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/calls_tab.py" line="92"/>
        <source> This paper form was drawn for a re-check call.</source>
        <translation>本份纸质问卷被抽中电话复核。</translation>
    </message>
</context>
<context>
    <name>SurveysPage</name>
    <message>
        <location filename="../../ui/surveys/page.py" line="60"/>
        <source>Campaigns</source>
        <translation>调查活动</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/page.py" line="61"/>
        <source>Phone calls</source>
        <translation>电话访问</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/page.py" line="62"/>
        <source>Paper forms</source>
        <translation>纸质录入</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/page.py" line="63"/>
        <source>Re-checks</source>
        <translation>复核</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/page.py" line="64"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/surveys/page.py" line="65"/>
        <source>Question bank</source>
        <translation>题库</translation>
    </message>
</context>
</TS>
