package com.switchboard.conversations.internal.web;

/** The inbox's forms. */
final class InboxForms {

    private InboxForms() {
    }

    /** The composer: a reply or an internal note. */
    public static class Composer {
        private String body = "";
        private String kind = "OUTBOUND";

        public String getBody() {
            return body;
        }

        public void setBody(String body) {
            this.body = body;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public boolean isNote() {
            return "NOTE".equals(kind);
        }
    }

    /** A new customer, started from the inbox. */
    public static class NewCustomer {
        private String name = "";
        private String phone = "";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }
    }

    /** A customer's name, edited in the customer panel. */
    public static class CustomerName {
        private String name = "";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }
}
