package com.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every SQL statement on tenant data names the account in its WHERE clause (or inserts it). The
 * few statements that must look across accounts are listed here, each with the reason.
 */
class TenantScopedQueriesTests {

    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:select|insert|update|delete)[^\"]*)\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TENANT_TABLE = Pattern.compile(
            "\\b(from|into|update|join)\\s+(app_user|api_token|customer|conversation|conversation_event|message"
                    + "|away_period|away_reassignment|notification|live_event|outbound_send"
                    + "|webhook_endpoint|webhook_event|webhook_delivery|team|team_member|simulator_settings|mail_outbox|calendar_feed)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SCOPED = Pattern.compile("account_id\\s*=\\s*:accountId|values\\s*\\([^)]*:accountId"
            + "|\\(account_id[^)]*\\)\\s*select\\s+:accountId",
            Pattern.CASE_INSENSITIVE);

    /** Statements allowed to span accounts, by a fragment of their text, with why. */
    private static final Map<String, String> CROSS_ACCOUNT = Map.ofEntries(
            Map.entry("cu.created_at as customer_created_at", "the shared select list; every use appends the account"),
            Map.entry("where lower(email) = lower(:email)", "log-in: people log in with their email alone"),
            Map.entry("lower(email) = lower(:email) and id <> :except", "emails are unique across accounts"),
            Map.entry("where t.token_hash = :hash", "a bearer token names its account"),
            Map.entry("where f.token_hash = :hash and u.active", "a calendar feed's secret address names its account"),
            Map.entry("update api_token set last_used_at = :now where id = :id",
                    "the token row was just found by its hash"),
            Map.entry("or (p.ended_at is not null and p.settled_at is null)",
                    "the away periods job (planned starts, returns, hand-backs) serves every account"),
            Map.entry("select id from app_user where id = any(:ids) and active",
                    "the live streams' access check: ids of authenticated requests, answered yes or no"),
            Map.entry("select id from api_token where id = any(:ids)",
                    "the live streams' access check: ids of authenticated requests, answered yes or no"),
            Map.entry("from live_event where id = any(:ids)",
                    "a node's listener reads what was just committed, and sends each entry to its own account only"),
            Map.entry("delete from live_event where created_at <", "the log's retention serves every account"),
            Map.entry("select :afterId >= pruned_through",
                    "whether the log can serve a position at all (its end, across accounts); the replay is scoped"),
            Map.entry("where sent_at is null and next_attempt_at <= :now",
                    "the mail outbox: one node at a time sends what is due, across accounts"),
            Map.entry("update mail_outbox set",
                    "the mail outbox: a mail just read by its id is marked sent, or to try again"),
            Map.entry("for update skip locked", "the outbound queue: one node claims what is due, across accounts"),
            Map.entry("where message_id = :messageId",
                    "a reply this node claimed, by its id; its message is then read with its account"),
            Map.entry("select w.id from webhook_endpoint w",
                    "the webhook dispatcher: one node claims the endpoints with deliveries due, across accounts; "
                            + "all it then reads and writes under the claim names the endpoint's account"),
            Map.entry("delete from webhook_delivery where state = 'DELIVERED' and delivered_at <",
                    "the webhook delivery logs' retention serves every account"),
            Map.entry("delete from webhook_event ev where ev.created_at <",
                    "the webhook delivery logs' retention serves every account"));

    @Test
    void everyStatementOnTenantDataIsScopedToAnAccount() throws IOException {
        var unscoped = new ArrayList<String>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (String sql : statements(source)) {
                    boolean tenantData = TENANT_TABLE.matcher(sql).find();
                    scanned += tenantData ? 1 : 0;
                    boolean scoped = SCOPED.matcher(sql).find();
                    boolean allowed = CROSS_ACCOUNT.keySet().stream().anyMatch(sql::contains);
                    if (tenantData && !scoped && !allowed) {
                        unscoped.add(file.getFileName() + ": " + sql.strip().replaceAll("\\s+", " "));
                    }
                }
            }
        }
        assertThat(scanned).as("statements on tenant data found").isGreaterThan(25);
        assertThat(unscoped).as("statements on tenant data without the account").isEmpty();
    }

    private static List<String> statements(String source) {
        var found = new ArrayList<String>();
        Matcher block = TEXT_BLOCK.matcher(source);
        while (block.find()) {
            found.add(block.group(1));
        }
        Matcher string = STRING.matcher(source.replaceAll("\"\"\".*?\"\"\"", ""));
        while (string.find()) {
            found.add(string.group(1));
        }
        return found;
    }
}
