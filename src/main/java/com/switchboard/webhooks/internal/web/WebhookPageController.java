package com.switchboard.webhooks.internal.web;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.switchboard.accounts.Actor;
import com.switchboard.system.FormErrors;
import com.switchboard.webhooks.internal.Webhooks;

/**
 * Company settings → Webhooks, for admins: the endpoints, a form to add one (its secret is shown
 * once, on the page the form leads to), and per endpoint its settings and delivery log.
 */
@Controller
@RequestMapping("/company/webhooks")
class WebhookPageController {

    private final Webhooks webhooks;

    WebhookPageController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("webhookForm", WebhookForm.empty());
        return listPage(actor, model);
    }

    @PostMapping
    String create(Actor actor, @ModelAttribute("webhookForm") WebhookForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return FormErrors.submit(errors, () -> {
            var created = webhooks.create(actor, form.url(), form.eventTypes(), true);
            // Flash: shown on the next page only, never stored anywhere else.
            redirect.addFlashAttribute("secret", created.secret());
            return "redirect:/company/webhooks/" + created.webhook().id();
        }, () -> listPage(actor, model));
    }

    @GetMapping("/{id}")
    String endpoint(Actor actor, @PathVariable UUID id, Model model) {
        var view = webhooks.get(actor, id);
        model.addAttribute("webhookForm", new WebhookForm(view.url(), view.eventTypes()));
        return endpointPage(actor, view, model);
    }

    @PostMapping("/{id}")
    String update(Actor actor, @PathVariable UUID id, @ModelAttribute("webhookForm") WebhookForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        var view = webhooks.get(actor, id);
        return FormErrors.submit(errors, () -> {
            // No box ticked sends no field at all: that is "none", not "keep".
            webhooks.update(actor, id, new Webhooks.Change(form.url() == null ? "" : form.url(),
                    form.eventTypes() == null ? List.of() : form.eventTypes(), null));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/company/webhooks/" + id;
        }, () -> endpointPage(actor, view, model));
    }

    @PostMapping("/{id}/turn-off")
    String turnOff(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
        webhooks.update(actor, id, new Webhooks.Change(null, null, false));
        redirect.addFlashAttribute("turnedOff", true);
        return "redirect:/company/webhooks/" + id;
    }

    @PostMapping("/{id}/turn-on")
    String turnOn(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
        webhooks.resume(actor, id);
        redirect.addFlashAttribute("turnedOn", true);
        return "redirect:/company/webhooks/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
        webhooks.delete(actor, id);
        redirect.addFlashAttribute("deleted", true);
        return "redirect:/company/webhooks";
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    String replay(Actor actor, @PathVariable UUID id, @PathVariable UUID deliveryId, RedirectAttributes redirect) {
        webhooks.replay(actor, id, deliveryId);
        redirect.addFlashAttribute("replayed", true);
        return "redirect:/company/webhooks/" + id + "#deliveries";
    }

    private String listPage(Actor actor, Model model) {
        model.addAttribute("endpoints", webhooks.list(actor).stream().map(WebhookPageModel.EndpointRow::of).toList());
        model.addAttribute("typeChoices", WebhookPageModel.typeChoices());
        return "webhooks/list";
    }

    private String endpointPage(Actor actor, Webhooks.View view, Model model) {
        model.addAttribute("endpoint", WebhookPageModel.Endpoint.of(view));
        model.addAttribute("typeChoices", WebhookPageModel.typeChoices());
        model.addAttribute("deliveries", webhooks.deliveries(actor, view.id(), null).stream()
                .map(WebhookPageModel.DeliveryRow::of).toList());
        return "webhooks/endpoint";
    }
}
