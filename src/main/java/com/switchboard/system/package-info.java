/**
 * What every module may use: deployment settings, the clock, and the typed errors that the web
 * layer turns into problem+json or form errors. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package com.switchboard.system;
