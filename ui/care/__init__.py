"""The care page (关怀), attention-flag forms and the banner shown wherever a household appears."""
