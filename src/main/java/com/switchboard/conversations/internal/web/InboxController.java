package com.switchboard.conversations.internal.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.switchboard.accounts.Actor;
import com.switchboard.conversations.Conversation;
import com.switchboard.conversations.Conversations;
import com.switchboard.conversations.MessageKind;
import com.switchboard.customers.Customers;
import com.switchboard.system.ConflictException;
import com.switchboard.system.FormErrors;
import com.switchboard.system.InvalidInputException;

/**
 * The inbox, Switchboard's home page: the conversation list, the open conversation and the
 * customer panel. Every action redirects back to the page it came from (htmx follows the redirect
 * and swaps in the parts that changed).
 */
@Controller
class InboxController {

    private final Conversations conversations;
    private final Customers customers;

    InboxController(Conversations conversations, Customers customers) {
        this.conversations = conversations;
        this.customers = customers;
    }

    @GetMapping("/")
    String inbox(Actor actor, @ModelAttribute("filter") InboxFilter filter, BindingResult ignoredBadParams,
            Model model) {
        return page(actor, filter, null, model);
    }

    /** The Teammate filter's menu, loaded when it opens. */
    @GetMapping("/inbox/teammates")
    String teammates(@ModelAttribute("filter") InboxFilter filter, BindingResult ignoredBadParams,
            @RequestParam(defaultValue = "/") String base, Model model) {
        // Only the inbox's own pages: the menu's links are built on it.
        model.addAttribute("base", base.matches("/(conversations/[0-9a-fA-F-]{36})?") ? base : "/");
        model.addAttribute("teammateMenu", true);
        return "inbox :: teammateMenuLoaded";
    }

    @GetMapping("/conversations/{id}")
    String conversation(Actor actor, @PathVariable UUID id, @ModelAttribute("filter") InboxFilter filter,
            BindingResult ignoredBadParams, Model model) {
        return page(actor, filter, conversations.get(actor, id), model);
    }

    @PostMapping("/conversations/{id}/messages")
    String send(Actor actor, @PathVariable UUID id, @ModelAttribute("filter") InboxFilter filter,
            BindingResult ignoredBadParams, @ModelAttribute("composer") InboxForms.Composer composer,
            BindingResult composerErrors, Model model) {
        try {
            conversations.send(actor, id, composer.getBody(),
                    composer.isNote() ? MessageKind.NOTE : MessageKind.OUTBOUND);
        }
        catch (InvalidInputException | ConflictException refused) {
            FormErrors.bind(refused, composerErrors);
            return page(actor, filter, conversations.get(actor, id), model);
        }
        return back(filter, id);
    }

    @PostMapping("/conversations/{id}/messages/{messageId}/retry")
    String retry(Actor actor, @PathVariable UUID id, @PathVariable UUID messageId,
            @ModelAttribute("filter") InboxFilter filter, BindingResult ignoredBadParams) {
        conversations.retry(actor, id, messageId);
        return back(filter, id);
    }

    @PostMapping("/conversations/{id}/assignee")
    String assign(Actor actor, @PathVariable UUID id, @ModelAttribute("filter") InboxFilter filter,
            BindingResult ignoredBadParams, @RequestParam(required = false) UUID userId) {
        conversations.assign(actor, id, userId);
        return back(filter, id);
    }

    @PostMapping("/conversations/{id}/close")
    String close(Actor actor, @PathVariable UUID id, @ModelAttribute("filter") InboxFilter filter,
            BindingResult ignoredBadParams) {
        conversations.close(actor, id);
        return back(filter, id);
    }

    @PostMapping("/conversations/{id}/reopen")
    String reopen(Actor actor, @PathVariable UUID id, @ModelAttribute("filter") InboxFilter filter,
            BindingResult ignoredBadParams) {
        conversations.reopen(actor, id);
        return back(filter, id);
    }

    @PostMapping("/customers")
    String newCustomer(Actor actor, @ModelAttribute("filter") InboxFilter filter, BindingResult ignoredBadParams,
            @ModelAttribute("newCustomer") InboxForms.NewCustomer form, BindingResult formErrors, Model model) {
        try {
            var customer = customers.create(actor, form.getName(), form.getPhone(), actor.userId());
            var conversation = conversations.forCustomer(actor, customer.id());
            return back(new InboxFilter(), conversation.id());
        }
        catch (InvalidInputException | ConflictException refused) {
            FormErrors.bind(refused, formErrors);
            model.addAttribute("openNewCustomer", true);
            return page(actor, filter, null, model);
        }
    }

    @PostMapping("/customers/{id}/name")
    String renameCustomer(Actor actor, @PathVariable UUID id, @ModelAttribute("filter") InboxFilter filter,
            BindingResult ignoredBadParams, @ModelAttribute("customerName") InboxForms.CustomerName form,
            BindingResult formErrors, Model model) {
        var conversation = conversations.forCustomer(actor, id);
        try {
            customers.rename(actor, id, form.getName());
        }
        catch (InvalidInputException | ConflictException refused) {
            FormErrors.bind(refused, formErrors);
            model.addAttribute("openRename", true);
            return page(actor, filter, conversation, model);
        }
        return back(filter, conversation.id());
    }

    private String page(Actor actor, InboxFilter filter, Conversation selected, Model model) {
        model.addAttribute("list", conversations.list(actor, filter.toQuery()));
        model.addAttribute("counts", conversations.counts(actor));
        model.addAttribute("base", selected == null ? "/" : "/conversations/" + selected.id());
        if (!model.containsAttribute("newCustomer")) {
            model.addAttribute("newCustomer", new InboxForms.NewCustomer());
        }
        if (selected != null) {
            model.addAttribute("conversation", selected);
            model.addAttribute("timeline", conversations.timeline(actor, selected.id()));
            if (!model.containsAttribute("composer")) {
                model.addAttribute("composer", new InboxForms.Composer());
            }
            if (!model.containsAttribute("customerName")) {
                var form = new InboxForms.CustomerName();
                form.setName(selected.customer().name());
                model.addAttribute("customerName", form);
            }
        }
        return "inbox";
    }

    private static String back(InboxFilter filter, UUID conversationId) {
        return "redirect:" + filter.path("/conversations/" + conversationId);
    }
}
