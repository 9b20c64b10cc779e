/**
 * The away status, Switchboard's signature feature: a teammate on vacation turns away mode on,
 * new activity in their conversations goes to the delegate they chose, everyone sees who is away
 * and until when, and away mode ends by itself on the return date.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Away status")
package com.switchboard.away;
