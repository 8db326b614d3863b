"""Community activities (社区文化活动, 业主见面会): sign-ups with capacity and a waitlist,
attendance, feedback and the month's figures."""
