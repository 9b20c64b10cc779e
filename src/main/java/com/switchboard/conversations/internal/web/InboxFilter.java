package com.switchboard.conversations.internal.web;

import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.web.util.UriComponentsBuilder;

import com.switchboard.conversations.AssigneeFilter;
import com.switchboard.conversations.ConversationQuery;
import com.switchboard.conversations.ConversationStatus;
import com.switchboard.system.InvalidInputException;

/**
 * What the inbox list shows, as it travels in links: {@code ?assignee=unassigned&status=closed&q=…&page=2}
 * (the API's words for the same filter), and {@code &team=<id>} for a team's queue. Bound from the
 * request; every link of the inbox keeps it.
 *
 * @param assignee whose conversations; mine when not given or not understood
 * @param status open unless given
 * @param q the search, or empty
 * @param page 1-based
 * @param team with {@code assignee} unassigned: the team whose queue this is; null otherwise
 */
public record InboxFilter(AssigneeFilter assignee, ConversationStatus status, String q, Integer page, UUID team) {

    static final int MAX_PAGE = ConversationQuery.MAX_PAGE;

    public InboxFilter {
        assignee = assignee == null ? AssigneeFilter.MINE : assignee;
        status = status == null ? ConversationStatus.OPEN : status;
        q = q == null ? "" : q.strip();
        page = page == null || page < 1 ? 1 : Math.min(page, MAX_PAGE);
        // Only a queue names a team: the unassigned conversations of that team.
        team = assignee.equals(AssigneeFilter.UNASSIGNED) ? team : null;
    }

    /**
     * The filter a link asks for. A link is forgiving: a word, a number or an id it does not
     * understand reads as the default (where the API answers 400 for the same input).
     */
    static InboxFilter fromLink(String assignee, String status, String q, String page, String team) {
        return new InboxFilter(leniently(() -> AssigneeFilter.parse(assignee)),
                leniently(() -> ConversationStatus.parse(status)), q, leniently(() -> pageNumber(page)), id(team));
    }

    private static UUID id(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        }
        catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static Integer pageNumber(String text) {
        if (text == null || !text.strip().matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(text.strip());
    }

    private static <T> T leniently(Supplier<T> parse) {
        try {
            return parse.get();
        }
        catch (InvalidInputException notUnderstood) {
            return null;
        }
    }

    static InboxFilter mine() {
        return new InboxFilter(null, null, null, null, null);
    }

    /** The same search on another list: a change of list, status or search goes back to page 1. */
    public InboxFilter with(AssigneeFilter newAssignee) {
        return new InboxFilter(newAssignee, status, q, 1, null);
    }

    /** A team's queue: its conversations that nobody has. */
    public InboxFilter queue(UUID teamId) {
        return new InboxFilter(AssigneeFilter.UNASSIGNED, status, q, 1, teamId);
    }

    public InboxFilter withTeammate(UUID userId) {
        return with(AssigneeFilter.teammate(userId));
    }

    public InboxFilter with(ConversationStatus newStatus) {
        return new InboxFilter(assignee, newStatus, q, 1, team);
    }

    public InboxFilter withPage(int newPage) {
        return new InboxFilter(assignee, status, q, newPage, team);
    }

    public boolean shows(AssigneeFilter other) {
        return team == null && assignee.equals(other);
    }

    public boolean showsQueue(UUID teamId) {
        return team != null && team.equals(teamId);
    }

    public boolean showsTeammate(UUID userId) {
        return assignee.equals(AssigneeFilter.teammate(userId));
    }

    public boolean shows(ConversationStatus other) {
        return status == other;
    }

    /** The teammate whose list this is, or null. */
    public UUID teammate() {
        return assignee.userId();
    }

    public boolean searching() {
        return !q.isEmpty();
    }

    /** A path with this filter's query string, leaving defaults out. */
    public String path(String base) {
        var uri = UriComponentsBuilder.fromPath(base);
        if (!assignee.equals(AssigneeFilter.MINE)) {
            uri.queryParam("assignee", assignee.param());
        }
        if (team != null) {
            uri.queryParam("team", team);
        }
        if (status != ConversationStatus.OPEN) {
            uri.queryParam("status", status.param());
        }
        if (!q.isEmpty()) {
            uri.queryParam("q", q);
        }
        if (page > 1) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }

    ConversationQuery toQuery() {
        return assignee.query(status, q, null, page, ConversationQuery.DEFAULT_SIZE).inTeam(team);
    }
}
