/**
 * Outgoing webhooks, for the business's other systems (a CRM, a dealer management system): an
 * admin registers HTTPS endpoints for some of the account's events (away status changed,
 * conversation assigned, message created, message delivery changed), and each event is POSTed to
 * them as JSON, the same facts the live stream carries, signed with the endpoint's secret.
 * <p>
 * Each delivery is a row written in the transaction of the change it tells about, so nothing is
 * sent for a change that rolled back and nothing committed is lost; a dispatcher sends them after
 * the commit, oldest first per endpoint, with retries and a growing wait, and turns an endpoint
 * off (telling the admins) after repeated failures. Nothing of it is public: the module only
 * listens to the other modules' events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
package com.switchboard.webhooks;
