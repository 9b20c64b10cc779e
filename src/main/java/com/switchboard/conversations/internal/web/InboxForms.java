package com.switchboard.conversations.internal.web;

import com.switchboard.conversations.MessageKind;

/** The inbox's forms. */
final class InboxForms {

    private InboxForms() {
    }

    /** The composer: a reply (the default) or an internal note. */
    record Composer(String body, MessageKind kind) {

        Composer {
            body = body == null ? "" : body;
            kind = kind == MessageKind.NOTE ? MessageKind.NOTE : MessageKind.OUTBOUND;
        }

        static Composer empty() {
            return new Composer("", MessageKind.OUTBOUND);
        }

        public boolean isNote() {
            return kind == MessageKind.NOTE;
        }
    }

    /** A new customer, started from the inbox. */
    record NewCustomer(String name, String phone) {

        static NewCustomer empty() {
            return new NewCustomer("", "");
        }
    }

    /** A customer's name, edited in the customer panel. */
    record CustomerName(String name) {
    }
}
