"""Community activities (社区活动): page, forms and the unit panel."""
