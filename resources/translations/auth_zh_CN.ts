<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1">
  <context>
    <name>AddUserDialog</name>
    <message>
      <source>Add user</source>
      <translation>添加用户</translation>
    </message>
    <message>
      <source>&amp;Username</source>
      <translation>用户名(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>姓名(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Role</source>
      <translation>角色(&amp;R)</translation>
    </message>
    <message>
      <source>Initial &amp;password</source>
      <translation>初始密码(&amp;P)</translation>
    </message>
  </context>
  <context>
    <name>AuditModel</name>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>User</source>
      <translation>用户</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Table</source>
      <translation>数据表</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>记录</translation>
    </message>
    <message>
      <source>Changes (old → new)</source>
      <translation>变更（原值 → 新值）</translation>
    </message>
  </context>
  <context>
    <name>AuditViewer</name>
    <message>
      <source>Audit log</source>
      <translation>操作日志</translation>
    </message>
    <message>
      <source>All tables</source>
      <translation>全部数据表</translation>
    </message>
    <message>
      <source>record id</source>
      <translation>记录编号</translation>
    </message>
    <message>
      <source>username</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>&amp;Filter</source>
      <translation>筛选(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Clear</source>
      <translation>清除(&amp;C)</translation>
    </message>
    <message>
      <source>Table</source>
      <translation>数据表</translation>
    </message>
    <message>
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <source>To</source>
      <translation>到</translation>
    </message>
    <message>
      <source>The audit log is read-only: nobody can change or delete entries.</source>
      <translation>操作日志只读：任何人都不能修改或删除记录。</translation>
    </message>
    <message>
      <source>%1 entries</source>
      <translation>共 %1 条</translation>
    </message>
  </context>
  <context>
    <name>BackupDialog</name>
    <message>
      <source>Nothing was changed.</source>
      <translation>没有做任何改动。</translation>
    </message>
    <message>
      <source>Backup and restore</source>
      <translation>备份与恢复</translation>
    </message>
    <message>
      <source>&amp;Back up now</source>
      <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Restore selected…</source>
      <translation>恢复所选备份(&amp;R)…</translation>
    </message>
    <message>
      <source>Restore from &amp;file…</source>
      <translation>从文件恢复(&amp;F)…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>PropDesk backs up the database when it starts and once a day, keeping the newest %1 copies in %2. A restore first checks the chosen file and keeps the current database aside.</source>
      <translation>PropDesk 在启动时和每天自动备份数据库，在 %2 中保留最新的 %1 份。恢复前会先检查所选文件，并把当前数据库另存一份。</translation>
    </message>
    <message>
      <source>Backing up…</source>
      <translation>正在备份…</translation>
    </message>
    <message>
      <source>Backed up to %1 (%2).</source>
      <translation>已备份到 %1（%2）。</translation>
    </message>
    <message>
      <source>Restore database</source>
      <translation>恢复数据库</translation>
    </message>
    <message>
      <source>Choose a backup</source>
      <translation>选择备份文件</translation>
    </message>
    <message>
      <source>SQLite database (*.sqlite3 *.db);;All files (*)</source>
      <translation>SQLite 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Replace the current database with the backup %1?

The current database is kept aside first. PropDesk closes afterwards; start it again.</source>
      <translation>用备份 %1 替换当前数据库吗？

当前数据库会先另存一份。恢复后 PropDesk 将关闭，请重新打开。</translation>
    </message>
    <message>
      <source>Checking and restoring…</source>
      <translation>正在检查并恢复…</translation>
    </message>
    <message>
      <source>Restored from %1. The previous database was kept as %2.</source>
      <translation>已从 %1 恢复。原数据库另存为 %2。</translation>
    </message>
    <message>
      <source>Database restored</source>
      <translation>数据库已恢复</translation>
    </message>
    <message>
      <source>PropDesk will now close. Please start it again.</source>
      <translation>PropDesk 现在将关闭，请重新打开。</translation>
    </message>
  </context>
  <context>
    <name>BackupScheduler</name>
    <message>
      <source>Backup failed</source>
      <translation>备份失败</translation>
    </message>
  </context>
  <context>
    <name>BackupsModel</name>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>大小</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
  </context>
  <context>
    <name>ChangePasswordDialog</name>
    <message>
      <source>Change password</source>
      <translation>修改密码</translation>
    </message>
    <message>
      <source>&amp;Current password</source>
      <translation>当前密码(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;New password</source>
      <translation>新密码(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Repeat new password</source>
      <translation>再次输入新密码(&amp;R)</translation>
    </message>
    <message>
      <source>At least 8 characters, with letters and digits.</source>
      <translation>至少 8 位，需同时包含字母和数字。</translation>
    </message>
    <message>
      <source>The two new passwords differ.</source>
      <translation>两次输入的新密码不一致。</translation>
    </message>
  </context>
  <context>
    <name>EditUserDialog</name>
    <message>
      <source>Edit user %1</source>
      <translation>编辑用户 %1</translation>
    </message>
    <message>
      <source>Account in use</source>
      <translation>账号启用</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>姓名(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Role</source>
      <translation>角色(&amp;R)</translation>
    </message>
  </context>
  <context>
    <name>FirstRunDialog</name>
    <message>
      <source>PropDesk — First start</source>
      <translation>PropDesk — 首次使用</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation>系统管理员</translation>
    </message>
    <message>
      <source>&amp;Username</source>
      <translation>用户名(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>姓名(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Password</source>
      <translation>密码(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Repeat password</source>
      <translation>再次输入密码(&amp;R)</translation>
    </message>
    <message>
      <source>Create administrator</source>
      <translation>创建管理员</translation>
    </message>
    <message>
      <source>This database has no users yet. Create the administrator account; the administrator then adds the other users (clerks, supervisors, managers, finance). Passwords need at least 8 characters with letters and digits.</source>
      <translation>这个数据库还没有用户。请先创建系统管理员账号，再由管理员添加其他用户（前台、主管、经理、财务）。密码至少 8 位，需同时包含字母和数字。</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
      <source>Another workstation has just set up a user; please log in instead.</source>
      <translation>另一台工作站刚刚创建了用户，请直接登录。</translation>
    </message>
  </context>
  <context>
    <name>HistoryButton</name>
    <message>
      <source>Change &amp;history…</source>
      <translation>变更记录(&amp;H)…</translation>
    </message>
  </context>
  <context>
    <name>LockDialog</name>
    <message>
      <source>PropDesk — Locked</source>
      <translation>PropDesk — 已锁定</translation>
    </message>
    <message>
      <source>The session of %1 is locked.</source>
      <translation>%1 的会话已锁定。</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>&amp;Unlock</source>
      <translation>解锁(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Switch user…</source>
      <translation>切换用户(&amp;S)…</translation>
    </message>
    <message>
      <source>Wrong password.</source>
      <translation>密码不正确。</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <source>Clock differs</source>
      <translation>时钟不一致</translation>
    </message>
    <message>
      <source>PropDesk — Log in</source>
      <translation>PropDesk — 登录</translation>
    </message>
    <message>
      <source>&amp;Username</source>
      <translation>用户名(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Password</source>
      <translation>密码(&amp;P)</translation>
    </message>
    <message>
      <source>Log in</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>Please log in to PropDesk.</source>
      <translation>请登录 PropDesk。</translation>
    </message>
    <message>
      <source>Enter your username.</source>
      <translation>请输入用户名。</translation>
    </message>
    <message>
      <source>The database is busy; please try again.</source>
      <translation>数据库忙，请稍后再试。</translation>
    </message>
  </context>
  <context>
    <name>MenuAction</name>
    <message>
      <source>Users…</source>
      <translation>用户管理…</translation>
    </message>
    <message>
      <source>Audit log…</source>
      <translation>操作日志…</translation>
    </message>
    <message>
      <source>Backup and restore…</source>
      <translation>备份与恢复…</translation>
    </message>
    <message>
      <source>Change my password…</source>
      <translation>修改我的密码…</translation>
    </message>
    <message>
      <source>Security settings…</source>
      <translation>安全设置…</translation>
    </message>
    <message>
      <source>Lock screen (Ctrl+L)</source>
      <translation>锁定屏幕 (Ctrl+L)</translation>
    </message>
  </context>
  <context>
    <name>PersonalDataPanel</name>
    <message>
      <source>Personal data</source>
      <translation>个人信息</translation>
    </message>
    <message>
      <source>Show in &amp;full (logged)</source>
      <translation>查看完整信息(&amp;F)（记入日志）</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Second phone</source>
      <translation>备用电话</translation>
    </message>
    <message>
      <source>Emergency phone</source>
      <translation>紧急联系电话</translation>
    </message>
    <message>
      <source>Shown masked. Showing them in full is recorded in the audit log.</source>
      <translation>已隐去部分号码。查看完整信息会记入操作日志。</translation>
    </message>
    <message>
      <source>Shown masked: your role may not see full ID numbers and phones.</source>
      <translation>已隐去部分号码：您的角色无权查看完整证件号和电话。</translation>
    </message>
    <message>
      <source>Shown in full; this was recorded in the audit log.</source>
      <translation>已显示完整信息，本次查看已记入操作日志。</translation>
    </message>
  </context>
  <context>
    <name>ResetPasswordDialog</name>
    <message>
      <source>New password for %1</source>
      <translation>为 %1 设置新密码</translation>
    </message>
    <message>
      <source>&amp;New password</source>
      <translation>新密码(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Repeat</source>
      <translation>再次输入(&amp;R)</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>两次输入的密码不一致。</translation>
    </message>
  </context>
  <context>
    <name>SecuritySettingsDialog</name>
    <message>
      <source>Security settings</source>
      <translation>安全设置</translation>
    </message>
    <message>
      <source> min</source>
      <translation> 分钟</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从不</translation>
    </message>
    <message>
      <source>Lock the screen after &amp;idle</source>
      <translation>无操作自动锁屏(&amp;I)</translation>
    </message>
    <message>
      <source>&amp;Backups to keep</source>
      <translation>保留备份份数(&amp;B)</translation>
    </message>
  </context>
  <context>
    <name>UsersDialog</name>
    <message>
      <source>Users</source>
      <translation>用户管理</translation>
    </message>
    <message>
      <source>&amp;Add…</source>
      <translation>添加(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Reset password…</source>
      <translation>重设密码(&amp;R)…</translation>
    </message>
    <message>
      <source>&amp;Unlock</source>
      <translation>解锁(&amp;U)</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Cannot do that</source>
      <translation>无法执行</translation>
    </message>
  </context>
  <context>
    <name>UsersModel</name>
    <message>
      <source>Username</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Last login</source>
      <translation>上次登录</translation>
    </message>
    <message>
      <source>disabled</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>locked until %1</source>
      <translation>锁定至 %1</translation>
    </message>
    <message>
      <source>active</source>
      <translation>正常</translation>
    </message>
  </context>
</TS>