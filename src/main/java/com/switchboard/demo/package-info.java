/**
 * The demo account loaded on the first start of the embedded default, so that Switchboard can be
 * tried as a new user would: a dealership with a team and a month of customer conversations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package com.switchboard.demo;
