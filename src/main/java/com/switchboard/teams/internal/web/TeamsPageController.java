package com.switchboard.teams.internal.web;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.switchboard.accounts.User;
import com.switchboard.accounts.Users;
import com.switchboard.system.FormErrors;
import com.switchboard.teams.Team;
import com.switchboard.teams.Teams;

/** The Teams page: everyone sees the teams and their members; admins create, change and delete them. */
@Controller
@RequestMapping("/teams")
class TeamsPageController {

    private final Teams teams;
    private final Users users;

    TeamsPageController(Teams teams, Users users) {
        this.teams = teams;
        this.users = users;
    }

    /** A team as the form edits it: its name and every member. */
    record TeamForm(String name, List<UUID> memberIds) {

        static TeamForm empty() {
            return new TeamForm("", List.of());
        }

        static TeamForm of(Team team) {
            return new TeamForm(team.name(), team.memberIds());
        }

        public List<UUID> members() {
            return memberIds == null ? List.of() : memberIds;
        }

        public boolean has(UUID userId) {
            return members().contains(userId);
        }
    }

    @GetMapping
    String list(User me, @RequestHeader(name = "HX-Target", required = false) String target, Model model) {
        model.addAttribute("form", TeamForm.empty());
        page(me, model);
        // The list alone, for a live update: a team or someone's away status changed.
        return "teams-list".equals(target) ? "teams/list :: list" : "teams/list";
    }

    @PostMapping
    String create(User me, @ModelAttribute("form") TeamForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return FormErrors.submit(result, () -> {
            redirect.addFlashAttribute("created", teams.create(me.actor(), form.name(), form.members()).name());
            return "redirect:/teams";
        }, () -> {
            model.addAttribute("openCreateForm", true);
            return page(me, model);
        });
    }

    @GetMapping("/{id}/edit")
    String editForm(User me, @PathVariable UUID id, Model model) {
        me.actor().requireAdmin();
        var team = teams.get(me.actor(), id);
        model.addAttribute("form", TeamForm.of(team));
        return editPage(me, model, team);
    }

    @PostMapping("/{id}")
    String edit(User me, @PathVariable UUID id, @ModelAttribute("form") TeamForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return FormErrors.submit(result, () -> {
            redirect.addFlashAttribute("updated", teams.update(me.actor(), id, form.name(), form.members()).name());
            return "redirect:/teams";
        }, () -> editPage(me, model, teams.get(me.actor(), id)));
    }

    @PostMapping("/{id}/delete")
    String delete(User me, @PathVariable UUID id, RedirectAttributes redirect) {
        String name = teams.get(me.actor(), id).name();
        teams.delete(me.actor(), id);
        redirect.addFlashAttribute("deleted", name);
        return "redirect:/teams";
    }

    private String page(User me, Model model) {
        model.addAttribute("teams", teams.list(me.actor()));
        model.addAttribute("teammates", users.active(me.actor()));
        return "teams/list";
    }

    private String editPage(User me, Model model, Team team) {
        model.addAttribute("team", team);
        model.addAttribute("teammates", users.active(me.actor()));
        return "teams/edit";
    }
}
