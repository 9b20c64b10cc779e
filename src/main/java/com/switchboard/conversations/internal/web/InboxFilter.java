package com.switchboard.conversations.internal.web;

import java.util.UUID;

import org.springframework.web.util.UriComponentsBuilder;

import com.switchboard.conversations.ConversationQuery;
import com.switchboard.conversations.ConversationStatus;

/**
 * What the inbox list shows, as it travels in links: {@code ?view=mine&status=open&q=…&page=2}.
 * Bound from the request; every link of the inbox keeps it.
 */
public class InboxFilter {

    private String view = "mine";
    private UUID user;
    private String status = "open";
    private String q = "";
    private int page = 1;

    public InboxFilter() {
    }

    private InboxFilter(String view, UUID user, String status, String q, int page) {
        this.view = view;
        this.user = user;
        this.status = status;
        this.q = q;
        this.page = page;
    }

    /** The same filter on another list: a change of view, status or search goes back to page 1. */
    public InboxFilter withView(String newView, UUID newUser) {
        return new InboxFilter(newView, newUser, status, q, 1);
    }

    public InboxFilter withStatus(String newStatus) {
        return new InboxFilter(view, user, newStatus, q, 1);
    }

    public InboxFilter withPage(int newPage) {
        return new InboxFilter(view, user, status, q, newPage);
    }

    /** A path with this filter's query string, leaving defaults out. */
    public String path(String base) {
        var uri = UriComponentsBuilder.fromPath(base);
        if (!"mine".equals(view())) {
            uri.queryParam("view", view());
        }
        if ("user".equals(view()) && user != null) {
            uri.queryParam("user", user);
        }
        if (!"open".equals(status())) {
            uri.queryParam("status", status());
        }
        if (q != null && !q.isBlank()) {
            uri.queryParam("q", q.strip());
        }
        if (page > 1) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }

    ConversationQuery toQuery() {
        var assignee = switch (view()) {
            case "unassigned" -> ConversationQuery.Assignee.UNASSIGNED;
            case "all" -> ConversationQuery.Assignee.ANYONE;
            case "user" -> ConversationQuery.Assignee.USER;
            default -> ConversationQuery.Assignee.ME;
        };
        return new ConversationQuery(assignee, user, "closed".equals(status()) ? ConversationStatus.CLOSED
                : ConversationStatus.OPEN, q, null, page, ConversationQuery.DEFAULT_SIZE);
    }

    /** One of mine, unassigned, all, user; anything else reads as mine. */
    public String view() {
        return switch (view == null ? "" : view) {
            case "unassigned", "all" -> view;
            case "user" -> user == null ? "mine" : "user";
            default -> "mine";
        };
    }

    /** open or closed. */
    public String status() {
        return "closed".equals(status) ? "closed" : "open";
    }

    public String getView() {
        return view;
    }

    public void setView(String view) {
        this.view = view;
    }

    public UUID getUser() {
        return user;
    }

    public void setUser(UUID user) {
        this.user = user;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(1, page);
    }
}
