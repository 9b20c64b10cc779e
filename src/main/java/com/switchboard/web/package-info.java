/**
 * The page chrome shared by every screen: the layout, the one way a person's name is rendered,
 * the viewer's language, time zone and formats, and how refusals become problem+json or pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package com.switchboard.web;
