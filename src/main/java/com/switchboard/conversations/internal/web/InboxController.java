package com.switchboard.conversations.internal.web;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import com.switchboard.accounts.Actor;
import com.switchboard.conversations.AssigneeFilter;
import com.switchboard.conversations.Conversation;
import com.switchboard.conversations.ConversationStatus;
import com.switchboard.conversations.Conversations;
import com.switchboard.conversations.Message;
import com.switchboard.conversations.TimelineItem;
import com.switchboard.customers.Customers;
import com.switchboard.system.FormErrors;
import com.switchboard.teams.Team;
import com.switchboard.teams.Teams;

/**
 * The inbox, Switchboard's home page: the conversation list, the open conversation and the
 * customer panel. A browser without script gets whole pages and redirects; htmx gets the part it
 * asked for ({@code HX-Target}), and the live regions their own fragments.
 */
@Controller
class InboxController {

    private static final List<AssigneeFilter> LIST_VIEWS = List.of(AssigneeFilter.MINE, AssigneeFilter.UNASSIGNED,
            AssigneeFilter.EVERYONE);
    private static final Pattern OPEN_CONVERSATION = Pattern.compile("/conversations/([0-9a-fA-F-]{36})(?:[?#]|$)");
    // Replies whose delivery a live update may have changed: the newest ones of the thread.
    private static final int REFRESHED_REPLIES = 20;

    private final Conversations conversations;
    private final Customers customers;
    private final Teams teams;

    InboxController(Conversations conversations, Customers customers, Teams teams) {
        this.conversations = conversations;
        this.customers = customers;
        this.teams = teams;
    }

    /**
     * Every handler's filter, from the link's parameters; the handlers' own {@code filter}
     * parameters get this one (a record is not bound again).
     */
    @ModelAttribute("filter")
    InboxFilter filter(@RequestParam(required = false) String assignee, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q, @RequestParam(required = false) String page,
            @RequestParam(required = false) String team) {
        return InboxFilter.fromLink(assignee, status, q, page, team);
    }

    @GetMapping("/")
    String inbox(Actor actor, @ModelAttribute("filter") InboxFilter filter, BindingResult ignoredBadParams,
            @RequestHeader(name = "HX-Target", required = false) String target, Model model) {
        return page(actor, filter, null, target, model);
    }

    @GetMapping("/conversations/{id}")
    String conversation(Actor actor, @PathVariable UUID id, @ModelAttribute("filter") InboxFilter filter,
            BindingResult ignoredBadParams, @RequestHeader(name = "HX-Target", required = false) String target,
            Model model) {
        return page(actor, filter, conversations.get(actor, id), target, model);
    }

    /** The list's live region: the rows, with the counts and the pager. */
    @GetMapping("/inbox/list")
    String list(Actor actor, @ModelAttribute("filter") InboxFilter filter, BindingResult ignoredBadParams,
            @RequestHeader(name = "HX-Current-URL", required = false) String currentUrl, Model model) {
        list(actor, filter, openConversation(currentUrl), model);
        return "inbox/list :: refresh";
    }

    /** The Teammate filter's menu, loaded when it opens. */
    @GetMapping("/inbox/teammates")
    String teammates(@ModelAttribute("filter") InboxFilter filter, BindingResult ignoredBadParams,
            @RequestParam(defaultValue = "/") String base, Model model) {
        // Only the inbox's own pages: the menu's links are built on it.
        model.addAttribute("base", base.matches("/(conversations/[0-9a-fA-F-]{36})?") ? base : "/");
        return "inbox/list :: teammateMenu";
    }

    /** The thread's live region: what came after {@code after}, and the replies whose delivery may have changed. */
    @GetMapping("/conversations/{id}/thread")
    String thread(Actor actor, @PathVariable UUID id, @ModelAttribute("filter") InboxFilter filter,
            BindingResult ignoredBadParams, @RequestParam(defaultValue = "0") long after, Model model) {
        threadSince(actor, conversations.get(actor, id), after, model, true);
        return "inbox/conversation :: feedUpdate";
    }

    /** The assignee picker's menu, loaded when it opens. */
    @GetMapping("/conversations/{id}/assignees")
    String assignees(Actor actor, @PathVariable UUID id, @ModelAttribute("filter") InboxFilter filter,
            BindingResult ignoredBadParams, Model model) {
        model.addAttribute("conversation", conversations.get(actor, id));
        return "inbox/conversation :: assigneeMenu";
    }

    /** The panel's live region, with the head's title and status. */
    @GetMapping("/conversations/{id}/panel")
    String panel(Actor actor, @PathVariable UUID id, @ModelAttribute("filter") InboxFilter filter,
            BindingResult ignoredBadParams, Model model) {
        return panel(conversations.get(actor, id), model);
    }

    @PostMapping("/conversations/{id}/messages")
    String send(Actor actor, @PathVariable UUID id, @ModelAttribute("filter") InboxFilter filter,
            BindingResult ignoredBadParams, @ModelAttribute("composer") InboxForms.Composer composer,
            BindingResult composerErrors, @RequestParam(defaultValue = "0") long after,
            @RequestHeader(name = "HX-Request", required = false) boolean htmx, Model model) {
        return FormErrors.submit(composerErrors, () -> {
            conversations.send(actor, id, composer.body(), composer.kind());
            if (!htmx) {
                return back(filter, id);
            }
            model.addAttribute("composer", InboxForms.Composer.empty());
            threadSince(actor, conversations.get(actor, id), after, model, false);
            return "inbox/conversation :: sent";
        }, () -> {
            var conversation = conversations.get(actor, id);
            return htmx ? composer(conversation, model) : page(actor, filter, conversation, null, model);
        });
    }

    @PostMapping("/conversations/{id}/messages/{messageId}/retry")
    String retry(Actor actor, @PathVariable UUID id, @PathVariable UUID messageId,
            @ModelAttribute("filter") InboxFilter filter, BindingResult ignoredBadParams,
            @RequestParam(defaultValue = "0") long after,
            @RequestHeader(name = "HX-Request", required = false) boolean htmx, Model model) {
        conversations.retry(actor, id, messageId);
        if (!htmx) {
            return back(filter, id);
        }
        threadSince(actor, conversations.get(actor, id), after, model, true);
        return "inbox/conversation :: feedUpdate";
    }

    @PostMapping("/conversations/{id}/assignee")
    String assign(Actor actor, @PathVariable UUID id, @ModelAttribute("filter") InboxFilter filter,
            BindingResult ignoredBadParams, @RequestParam(required = false) UUID userId,
            @RequestParam(required = false) UUID teamId,
            @RequestHeader(name = "HX-Request", required = false) boolean htmx, Model model) {
        var conversation = userId == null && teamId != null ? conversations.queue(actor, id, teamId)
                : conversations.assign(actor, id, userId);
        model.addAttribute("focus", "picker");
        return htmx ? panel(conversation, model) : back(filter, id);
    }

    @PostMapping("/conversations/{id}/close")
    String close(Actor actor, @PathVariable UUID id, @ModelAttribute("filter") InboxFilter filter,
            BindingResult ignoredBadParams, @RequestHeader(name = "HX-Request", required = false) boolean htmx,
            Model model) {
        var conversation = conversations.close(actor, id);
        model.addAttribute("focus", "status");
        return htmx ? panel(conversation, model) : back(filter, id);
    }

    @PostMapping("/conversations/{id}/reopen")
    String reopen(Actor actor, @PathVariable UUID id, @ModelAttribute("filter") InboxFilter filter,
            BindingResult ignoredBadParams, @RequestHeader(name = "HX-Request", required = false) boolean htmx,
            Model model) {
        var conversation = conversations.reopen(actor, id);
        model.addAttribute("focus", "status");
        return htmx ? panel(conversation, model) : back(filter, id);
    }

    @PostMapping("/customers")
    String newCustomer(Actor actor, @ModelAttribute("filter") InboxFilter filter, BindingResult ignoredBadParams,
            @ModelAttribute("newCustomer") InboxForms.NewCustomer form, BindingResult formErrors, Model model) {
        return FormErrors.submit(formErrors, () -> {
            var customer = customers.create(actor, form.name(), form.phone(), actor.userId());
            return back(InboxFilter.mine(), conversations.forCustomer(actor, customer.id()).id());
        }, () -> {
            model.addAttribute("openNewCustomer", true);
            return page(actor, filter, null, null, model);
        });
    }

    @PostMapping("/customers/{id}/name")
    String renameCustomer(Actor actor, @PathVariable UUID id, @ModelAttribute("filter") InboxFilter filter,
            BindingResult ignoredBadParams, @ModelAttribute("customerName") InboxForms.CustomerName form,
            BindingResult formErrors, @RequestHeader(name = "HX-Request", required = false) boolean htmx,
            Model model) {
        var conversation = conversations.forCustomer(actor, id);
        return FormErrors.submit(formErrors, () -> {
            customers.rename(actor, id, form.name());
            return htmx ? panel(conversations.get(actor, conversation.id()), model) : back(filter, conversation.id());
        }, () -> {
            model.addAttribute("openRename", true);
            return htmx ? panel(conversation, model) : page(actor, filter, conversation, null, model);
        });
    }

    /** The whole page, or the part htmx asked for: the list column, or the conversation. */
    private String page(Actor actor, InboxFilter filter, Conversation selected, String target, Model model) {
        model.addAttribute("base", selected == null ? "/" : "/conversations/" + selected.id());
        if ("conversation".equals(target)) {
            return selected == null ? "inbox/conversation :: empty" : conversation(actor, selected, model);
        }
        list(actor, filter, selected == null ? null : selected.id(), model);
        if (!model.containsAttribute("newCustomer")) {
            model.addAttribute("newCustomer", InboxForms.NewCustomer.empty());
        }
        if ("conversation-list".equals(target)) {
            return "inbox/list :: column";
        }
        if (selected != null) {
            conversation(actor, selected, model);
        }
        return "inbox";
    }

    private void list(Actor actor, InboxFilter filter, UUID openId, Model model) {
        model.addAttribute("list", conversations.list(actor, filter.toQuery()));
        model.addAttribute("counts", conversations.counts(actor));
        model.addAttribute("queues", queues(actor));
        model.addAttribute("listViews", LIST_VIEWS);
        model.addAttribute("listStatuses", ConversationStatus.values());
        model.addAttribute("openId", openId);
        String list = switch (filter.assignee().kind()) {
            case ME -> "mine";
            case UNASSIGNED -> filter.team() != null ? "queue" : "unassigned";
            case ANYONE -> "all";
            case USER -> "user";
        };
        model.addAttribute("emptyKey", "inbox.empty." + list + "." + filter.status().param());
        if (!model.containsAttribute("base")) {
            model.addAttribute("base", openId == null ? "/" : "/conversations/" + openId);
        }
    }

    /** The queues of the viewer's teams, with how many conversations wait in each. */
    private List<QueueView> queues(Actor actor) {
        var mine = teams.of(actor.accountId(), actor.userId());
        var waiting = conversations.queueCounts(actor, mine.stream().map(Team::id).toList());
        return mine.stream().map(team -> new QueueView(team.id(), team.name(), waiting.getOrDefault(team.id(), 0)))
                .toList();
    }

    /** A team's queue as the filters show it. */
    record QueueView(UUID teamId, String name, int count) {
    }

    private String conversation(Actor actor, Conversation selected, Model model) {
        var timeline = conversations.timeline(actor, selected.id());
        model.addAttribute("conversation", selected);
        model.addAttribute("timeline", timeline);
        model.addAttribute("lastSeq", timeline.isEmpty() ? 0 : timeline.get(timeline.size() - 1).seq());
        if (!model.containsAttribute("composer")) {
            model.addAttribute("composer", InboxForms.Composer.empty());
        }
        customerName(selected, model);
        return "inbox/conversation :: conversation";
    }

    private String composer(Conversation conversation, Model model) {
        model.addAttribute("conversation", conversation);
        return "inbox/conversation :: composer";
    }

    private String panel(Conversation conversation, Model model) {
        model.addAttribute("conversation", conversation);
        customerName(conversation, model);
        return "inbox/conversation :: panelUpdate";
    }

    private static void customerName(Conversation conversation, Model model) {
        if (!model.containsAttribute("customerName")) {
            model.addAttribute("customerName", new InboxForms.CustomerName(conversation.customer().name()));
        }
    }

    /**
     * What the thread gained after {@code after}; with {@code refresh}, also the newest replies
     * again (their delivery may have changed) and what to announce to screen readers.
     */
    private void threadSince(Actor actor, Conversation conversation, long after, Model model, boolean refresh) {
        var timeline = conversations.timeline(actor, conversation.id());
        var added = timeline.stream().filter(item -> item.seq() > after).toList();
        var earlier = timeline.stream().filter(item -> item.seq() <= after).toList();
        var refreshed = refresh ? earlier.subList(Math.max(0, earlier.size() - REFRESHED_REPLIES), earlier.size())
                .stream().filter(TimelineItem::isMessage).map(Message.class::cast).filter(Message::isOutbound).toList()
                : List.<Message>of();
        model.addAttribute("conversation", conversation);
        model.addAttribute("added", added);
        model.addAttribute("refreshed", refreshed);
        model.addAttribute("announced", refresh ? added.stream().filter(TimelineItem::isMessage)
                .map(Message.class::cast).toList() : List.of());
        model.addAttribute("lastSeq", timeline.isEmpty() ? after : Math.max(after, timeline.get(timeline.size() - 1).seq()));
    }

    private static UUID openConversation(String currentUrl) {
        if (currentUrl == null) {
            return null;
        }
        var matcher = OPEN_CONVERSATION.matcher(currentUrl);
        return matcher.find() ? UUID.fromString(matcher.group(1)) : null;
    }

    private static String back(InboxFilter filter, UUID conversationId) {
        return "redirect:" + filter.path("/conversations/" + conversationId);
    }
}
