"""Service desk (报事报修): repairs, complaints, inquiries and suggestions as tickets.

Modules: ``models`` (tables), ``values`` (enums and returned values), ``workflow``
(the state diagram), ``sla`` (deadlines and working days), ``catalog`` (categories,
SLA rules and settings), ``staff`` (the dispatch list), ``numbering``, ``services``
(intake and transitions), ``callbacks``, ``complaints``, ``costs`` (paid repairs),
``attachments``, ``queries`` (board, queues, detail), ``stats`` (complaint
statistics), ``demo``.
"""
