/**
 * The team calendar (spec rule R24): who is away when, day by day, for the last two weeks, now and
 * what is planned, with each period's delegate; admins plan and change teammates' periods from it.
 * The same periods are published as an iCalendar feed at a secret address per user, for Outlook
 * and Google Calendar. It reads and changes away periods only through the away module's service,
 * and refreshes open calendars on the away module's events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Team calendar")
package com.switchboard.calendar;
