package com.switchboard.channels.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import com.switchboard.accounts.Actor;
import com.switchboard.channels.Simulator;
import com.switchboard.customers.Customer;
import com.switchboard.system.FormErrors;

/** The customer phone simulator page: play a customer and text the account. */
@Controller
@RequestMapping("/simulator")
class SimulatorController {

    private final Simulator simulator;

    SimulatorController(Simulator simulator) {
        this.simulator = simulator;
    }

    /** The phone's compose box: who texts, and what. */
    record TextForm(String from, String body) {

        TextForm {
            from = from == null ? "" : from;
            body = body == null ? "" : body;
        }
    }

    @GetMapping
    String phone(Actor actor, @RequestParam(required = false) String phone, Model model) {
        model.addAttribute("text", new TextForm(phone, ""));
        return page(actor, model);
    }

    @PostMapping
    String text(Actor actor, @ModelAttribute("text") TextForm form, BindingResult errors, Model model) {
        return FormErrors.submit(errors, () -> {
            var received = simulator.textFromCustomer(actor, form.from(), form.body());
            return "redirect:" + UriComponentsBuilder.fromPath("/simulator")
                    .queryParam("phone", simulator.customer(actor, form.from()).map(Customer::phone).orElse(form.from()))
                    .encode().build().toUriString() + "#" + received.message().id();
        }, () -> page(actor, model));
    }

    private String page(Actor actor, Model model) {
        var form = (TextForm) model.getAttribute("text");
        var customer = form.from().isBlank() ? Optional.<Customer>empty() : simulator.customer(actor, form.from());
        model.addAttribute("customer", customer.orElse(null));
        model.addAttribute("thread", customer.map(c -> simulator.phoneThread(actor, c)).orElse(List.of()));
        model.addAttribute("customers", simulator.recentCustomers(actor));
        return "simulator";
    }
}
