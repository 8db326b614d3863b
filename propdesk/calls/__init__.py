"""The call desk (来电登记): calls, the call queue, outages, the knowledge base (答客问),
the directory of useful numbers, reminders and the Today panel."""
