package com.switchboard.away.internal.web;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.switchboard.accounts.SettingsSection;
import com.switchboard.accounts.User;

/** Your settings → Away status: the form, the planned periods and the history of one's own away periods. */
@Component
class AwaySettingsSection implements SettingsSection {

    private final AwayPageModel pageModel;

    AwaySettingsSection(AwayPageModel pageModel) {
        this.pageModel = pageModel;
    }

    @Override
    public void addTo(Map<String, Object> model, User me) {
        pageModel.addTo(model, me.actor(), me);
    }
}
