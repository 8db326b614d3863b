<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../ui/admin/users.py" line="163"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="173"/>
        <source>&amp;Username</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="174"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="175"/>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="176"/>
        <source>Initial &amp;password</source>
        <translation>初始密码(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ApprovalFields</name>
    <message>
        <location filename="../../ui/auth/approval.py" line="37"/>
        <source>Approver&apos;s &amp;username:</source>
        <translation>授权人用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/auth/approval.py" line="38"/>
        <source>Approver&apos;s pass&amp;word:</source>
        <translation>授权人密码(&amp;W)：</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="71"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="72"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="74"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="80"/>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="82"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="84"/>
        <source>Changes (old → new)</source>
        <translation>变更（原值 → 新值）</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="129"/>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="134"/>
        <location filename="../../ui/admin/audit_view.py" line="196"/>
        <source>All tables</source>
        <translation>全部数据表</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="137"/>
        <source>record id</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="140"/>
        <source>username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="143"/>
        <source>&amp;Filter</source>
        <translation>筛选(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="146"/>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="150"/>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="154"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="156"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="167"/>
        <source>The audit log is read-only: nobody can change or delete entries.</source>
        <translation>操作日志只读：任何人都不能修改或删除记录。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="165"/>
        <source>%1 entries</source>
        <translation>共 %1 条</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="205"/>
        <source>Nothing was changed.</source>
        <translation>没有做任何改动。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="112"/>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="126"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="128"/>
        <source>&amp;Restore selected…</source>
        <translation>恢复所选备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="130"/>
        <source>Restore from &amp;file…</source>
        <translation>从文件恢复(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="132"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="146"/>
        <source>PropDesk backs up the database when it starts and once a day, keeping the newest %1 copies in %2. A restore first checks the chosen file, says which payments and user changes it would undo, and keeps the current database aside. Receipt numbers always continue above the highest ever issued.</source>
        <translation>PropDesk 在启动时和每天自动备份数据库，在 %2 中保留最新的 %1 份。恢复前会先检查所选文件，说明恢复会撤销哪些收款和用户变动，并把当前数据库另存一份。恢复后收据号总是接着已用过的最大号码继续。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="210"/>
        <location filename="../../ui/admin/backup_view.py" line="223"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="233"/>
        <source>Backed up to %1 (%2).</source>
        <translation>已备份到 %1（%2）。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="241"/>
        <source>Restore database</source>
        <translation>恢复数据库</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="256"/>
        <source>Choose a backup</source>
        <translation>选择备份文件</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="258"/>
        <source>SQLite database (*.sqlite3 *.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="277"/>
        <source>PropDesk closes afterwards; start it again.</source>
        <translation>恢复后 PropDesk 将关闭，请重新打开。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="266"/>
        <location filename="../../ui/admin/backup_view.py" line="273"/>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="279"/>
        <source>Restore cancelled. Nothing was changed.</source>
        <translation>已取消恢复，没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="281"/>
        <location filename="../../ui/admin/backup_view.py" line="288"/>
        <source>Checking and restoring…</source>
        <translation>正在检查并恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="293"/>
        <source>Restored from %1. The previous database was kept as %2.</source>
        <translation>已从 %1 恢复。原数据库另存为 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="302"/>
        <source>Database restored</source>
        <translation>数据库已恢复</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="305"/>
        <source>PropDesk will now close. Please start it again.</source>
        <translation>PropDesk 现在将关闭，请重新打开。</translation>
    </message>
</context>
<context>
    <name>BackupScheduler</name>
    <message>
        <location filename="../../ui/admin/backup_schedule.py" line="97"/>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="65"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="68"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="69"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup_view.py" line="70"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/admin/password.py" line="47"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password.py" line="56"/>
        <source>&amp;Current password</source>
        <translation>当前密码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password.py" line="57"/>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password.py" line="58"/>
        <source>&amp;Repeat new password</source>
        <translation>再次输入新密码(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password.py" line="59"/>
        <source>At least 8 characters, with letters and digits.</source>
        <translation>至少 8 位，需同时包含字母和数字。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password.py" line="72"/>
        <source>Your password was set by an administrator. Choose your own password before you start.</source>
        <translation>您的密码是管理员设置的，请先设置您自己的密码再开始工作。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password.py" line="87"/>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>EditUserDialog</name>
    <message>
        <location filename="../../ui/admin/users.py" line="193"/>
        <source>Edit user %1</source>
        <translation>编辑用户 %1</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="199"/>
        <source>Account in use</source>
        <translation>账号启用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="202"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="203"/>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/auth/gate.py" line="228"/>
        <source>PropDesk — First start</source>
        <translation>PropDesk — 首次使用</translation>
    </message>
    <message>
        <location filename="../../ui/auth/gate.py" line="231"/>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../ui/auth/gate.py" line="241"/>
        <source>&amp;Username</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/auth/gate.py" line="242"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/auth/gate.py" line="243"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/auth/gate.py" line="244"/>
        <source>&amp;Repeat password</source>
        <translation>再次输入密码(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/auth/gate.py" line="248"/>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location filename="../../ui/auth/gate.py" line="254"/>
        <source>This database has no users yet. Create the administrator account; the administrator then adds the other users (clerks, supervisors, managers, finance). Passwords need at least 8 characters with letters and digits.</source>
        <translation>这个数据库还没有用户。请先创建系统管理员账号，再由管理员添加其他用户（前台、主管、经理、财务）。密码至少 8 位，需同时包含字母和数字。</translation>
    </message>
    <message>
        <location filename="../../ui/auth/gate.py" line="268"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>HistoryButton</name>
    <message>
        <location filename="../../ui/admin/history.py" line="30"/>
        <source>Change histor&amp;y…</source>
        <translation>变更记录(&amp;Y)…</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../ui/auth/lock.py" line="68"/>
        <source>PropDesk — Locked</source>
        <translation>PropDesk — 已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/auth/lock.py" line="74"/>
        <source>The account of %1 was changed by an administrator (deactivated, new role or new password). Please log in again.</source>
        <translation>管理员已更改 %1 的账号（停用、角色变更或重设密码），请重新登录。</translation>
    </message>
    <message>
        <location filename="../../ui/auth/lock.py" line="78"/>
        <source>The session of %1 is locked.</source>
        <translation>%1 的会话已锁定。</translation>
    </message>
    <message>
        <location filename="../../ui/auth/lock.py" line="85"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/auth/lock.py" line="89"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/auth/lock.py" line="92"/>
        <source>&amp;Switch user…</source>
        <translation>切换用户(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/auth/lock.py" line="133"/>
        <source>Wrong password.</source>
        <translation>密码不正确。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/auth/gate.py" line="303"/>
        <source>Clock differs</source>
        <translation>时钟不一致</translation>
    </message>
    <message>
        <location filename="../../ui/auth/gate.py" line="106"/>
        <source>PropDesk — Log in</source>
        <translation>PropDesk — 登录</translation>
    </message>
    <message>
        <location filename="../../ui/auth/gate.py" line="114"/>
        <source>&amp;Username</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/auth/gate.py" line="115"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/auth/gate.py" line="119"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/auth/gate.py" line="123"/>
        <source>Please log in to PropDesk.</source>
        <translation>请登录 PropDesk。</translation>
    </message>
    <message>
        <location filename="../../ui/auth/gate.py" line="144"/>
        <source>Demo database: the demo users keep the passwords documented in docs/demo_users.md (%1). Do not keep real data in it.</source>
        <translation>演示数据库：演示用户的密码见 docs/demo_users.md（%1）。请勿在其中保存真实数据。</translation>
    </message>
    <message>
        <location filename="../../ui/auth/gate.py" line="157"/>
        <source>Enter your username.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
<context>
    <name>MenuAction</name>
    <message>
        <location filename="../../ui/admin/actions.py" line="12"/>
        <source>Users…</source>
        <translation>用户管理…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="13"/>
        <source>Audit log…</source>
        <translation>操作日志…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="14"/>
        <source>Backup and restore…</source>
        <translation>备份与恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="15"/>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="16"/>
        <source>Security settings…</source>
        <translation>安全设置…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="17"/>
        <source>Lock screen (Ctrl+L)</source>
        <translation>锁定屏幕 (Ctrl+L)</translation>
    </message>
</context>
<context>
    <name>PersonalDataPanel</name>
    <message>
        <location filename="../../ui/auth/personal_data.py" line="42"/>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <location filename="../../ui/auth/personal_data.py" line="51"/>
        <source>&amp;Show in full (logged)</source>
        <translation>查看完整信息(&amp;S)（记入日志）</translation>
    </message>
    <message>
        <location filename="../../ui/auth/personal_data.py" line="55"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/auth/personal_data.py" line="75"/>
        <source>Shown masked. Showing them in full is recorded in the audit log.</source>
        <translation>已隐去部分号码。查看完整信息会记入操作日志。</translation>
    </message>
    <message>
        <location filename="../../ui/auth/personal_data.py" line="77"/>
        <source>Shown masked: your role may not see full ID numbers and phones.</source>
        <translation>已隐去部分号码：您的角色无权查看完整证件号和电话。</translation>
    </message>
    <message>
        <location filename="../../ui/auth/personal_data.py" line="130"/>
        <source>Shown in full; this was recorded in the audit log.</source>
        <translation>已显示完整信息，本次查看已记入操作日志。</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ui/admin/users.py" line="218"/>
        <source>New password for %1</source>
        <translation>为 %1 设置新密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="226"/>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="227"/>
        <source>&amp;Repeat</source>
        <translation>再次输入(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="231"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>SecuritySettingsDialog</name>
    <message>
        <location filename="../../ui/admin/security_settings.py" line="45"/>
        <source>Security settings</source>
        <translation>安全设置</translation>
    </message>
    <message>
        <location filename="../../ui/admin/security_settings.py" line="49"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/admin/security_settings.py" line="52"/>
        <source>The estate&apos;s policy for every desk; only an administrator changes it.</source>
        <translation>本小区所有前台的统一安全策略，只有系统管理员可以修改。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/security_settings.py" line="62"/>
        <source>Lock every desk after &amp;idle</source>
        <translation>所有前台空闲多久后锁屏(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/security_settings.py" line="63"/>
        <source>&amp;Backups to keep on this desk</source>
        <translation>本机保留的备份份数(&amp;B)</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../ui/admin/users.py" line="253"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="264"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="266"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="268"/>
        <source>&amp;Reset password…</source>
        <translation>重设密码(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="270"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="272"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../ui/admin/users.py" line="60"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="61"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="62"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="63"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="64"/>
        <source>Last login</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="81"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="84"/>
        <source>locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="87"/>
        <source>active</source>
        <translation>正常</translation>
    </message>
</context>
</TS>
