/**
 * Teams: named groups of an account's users (Service, Sales), and so the queues conversations wait
 * in when they have a team and no assignee. Admins manage them; everyone sees them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Teams")
package com.switchboard.teams;
