/** The people a business texts with, each identified by a phone number unique within the account. */
@org.springframework.modulith.ApplicationModule(displayName = "Customers")
package com.switchboard.customers;
