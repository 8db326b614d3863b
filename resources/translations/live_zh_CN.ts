<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Op</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancel (do not save)</source>
        <translation>取消（不保存）</translation>
    </message>
    <message>
        <source>Server unavailable</source>
        <translation>无法连接服务器</translation>
    </message>
    <message>
        <source>The connection to the database server was lost. Nothing was saved yet and your input is kept. Trying again every few seconds (attempt %1)…</source>
        <translation>与数据库服务器的连接中断了。这次操作还没有保存，您填写的内容都保留着。每隔几秒自动重试一次（第 %1 次）…</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>The database server cannot be reached. Your input is kept; saving waits and tries again when the server is back.</source>
        <translation>无法连接数据库服务器。您填写的内容都保留着；保存会等待，服务器恢复后自动重试。</translation>
    </message>
</context>
</TS>
