/**
 * Accounts (the tenants), their users, and how people and programs sign in: form login with a
 * session for pages, bearer tokens for the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package com.switchboard.accounts;
