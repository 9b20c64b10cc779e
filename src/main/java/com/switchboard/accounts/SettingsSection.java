package com.switchboard.accounts;

import java.util.Map;

/**
 * A section another module adds to Your settings (away status, notifications on this device, the
 * calendar feed): the settings page belongs to accounts, which knows nothing of those features, so
 * each section puts what its fragment shows into the page's model. A value already there (a
 * refused form coming back with its errors) is kept.
 */
public interface SettingsSection {

    void addTo(Map<String, Object> model, User me);
}
