"""The household archive (一户一档) in the desk: page, dialogs and the unit page's panel."""
