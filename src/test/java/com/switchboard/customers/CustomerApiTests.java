package com.switchboard.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;

@SwitchboardTest
class CustomerApiTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Test
    void aCustomerIsAddedWithTheirNumberInE164AndAConversationForTheAssignee() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        String typed = Fixtures.newPhone().substring(2);

        var created = api.post("/api/v1/customers", bob.token(), Map.of("name", "Marie Lavoie", "phone", typed,
                "assigneeId", bob.id()));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.field("phone")).isEqualTo("+1" + typed);
        var conversations = api.get("/api/v1/conversations?customerId=" + created.field("id"), bob.token()).json();
        assertThat(conversations).hasSize(1);
        assertThat(conversations.get(0).get("assigneeId").asString()).isEqualTo(bob.id());
        assertThat(conversations.get(0).get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void aPhoneNumberBelongsToOneCustomerPerAccount() {
        var team = fixtures.team();
        var otherTeam = fixtures.team();
        String phone = Fixtures.newPhone();
        api.post("/api/v1/customers", team.admin().token(), Map.of("name", "Marie Lavoie", "phone", phone));

        var again = api.post("/api/v1/customers", team.admin().token(), Map.of("name", "Marie L.", "phone", phone));
        var elsewhere = api.post("/api/v1/customers", otherTeam.admin().token(), Map.of("name", "Marie", "phone", phone));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.field("detail")).contains("already exists");
        assertThat(elsewhere.status()).isEqualTo(201);
    }

    @Test
    void badInputIsRefusedFieldByField() {
        var team = fixtures.team();

        var response = api.post("/api/v1/customers", team.admin().token(), Map.of("name", "x".repeat(101),
                "phone", "not a phone", "assigneeId", "00000000-0000-0000-0000-000000000000"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "phone", "assigneeId");
    }

    @Test
    void customersAreFoundByNameOrByPartOfTheirNumber() {
        var team = fixtures.team();
        String phone = Fixtures.newPhone();
        api.post("/api/v1/customers", team.admin().token(), Map.of("name", "Jean-François Bélanger", "phone", phone));
        api.post("/api/v1/customers", team.admin().token(), Map.of("name", "Priya Sharma", "phone", Fixtures.newPhone()));

        var byName = api.get("/api/v1/customers?query=b%C3%A9langer", team.admin().token()).json();
        var byDigits = api.get("/api/v1/customers?query=" + phone.substring(5, 12), team.admin().token()).json();

        assertThat(byName.findValuesAsString("name")).containsExactly("Jean-François Bélanger");
        assertThat(byDigits.findValuesAsString("phone")).containsExactly(phone);
    }
}
