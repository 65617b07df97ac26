package org.watchfloor.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.core.ticket.TicketFixtures.ANALYST;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.watchfloor.core.access.Role;
import org.watchfloor.core.ticket.Resolution;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketFixtures;
import org.watchfloor.core.ticket.Tier;

class PermissionsTests {

    @Test
    void overrideOfTierTwoNeedsTierTwo() {
        Permissions.Requirement requirement =
                Permissions.base(new Command.OnCallOverride(Tier.TIER2, "U0DANA004", Duration.ofHours(4)));

        assertThat(requirement.role()).isEqualTo(Role.TIER2);
    }

    @Test
    void overrideOfTierOneNeedsTierTwo() {
        Permissions.Requirement requirement =
                Permissions.base(new Command.OnCallOverride(Tier.TIER1, "U0DANA004", Duration.ofHours(4)));

        assertThat(requirement.role()).isEqualTo(Role.TIER2);
    }

    @Test
    void overrideOfTierThreeNeedsTierThree() {
        Permissions.Requirement requirement =
                Permissions.base(new Command.OnCallOverride(Tier.TIER3, "U0DANA004", Duration.ofHours(4)));

        assertThat(requirement.role()).isEqualTo(Role.TIER3);
        assertThat(requirement.action()).isEqualTo("override the Tier 3 on-call roster");
    }

    @Test
    void overrideOfManagementNeedsManager() {
        Permissions.Requirement requirement =
                Permissions.base(new Command.OnCallOverride(Tier.MANAGEMENT, "U0DANA004", Duration.ofHours(4)));

        assertThat(requirement.role()).isEqualTo(Role.MANAGER);
    }

    @Test
    void deescalateNeedsTierTwo() {
        Permissions.Requirement requirement = Permissions.base(new Command.Deescalate("INC-42", "handled"));

        assertThat(requirement).isEqualTo(new Permissions.Requirement(Role.TIER2, "de-escalate a ticket"));
    }

    @Test
    void otherCommandsNeedTierOne() {
        Permissions.Requirement requirement =
                Permissions.base(new Command.Escalate("INC-42", null, "spreading", false));

        assertThat(requirement).isEqualTo(new Permissions.Requirement(Role.TIER1, "escalate tickets"));
    }

    @ParameterizedTest
    @EnumSource(
            value = Severity.class,
            names = {"HIGH", "CRITICAL"})
    void closingASeriousTicketNeedsTierTwo(Severity severity) {
        Ticket ticket = TicketFixtures.newTicket("INC-42", severity);

        var requirement = Permissions.forTicket(close(), ticket, ANALYST);

        assertThat(requirement)
                .contains(new Permissions.Requirement(Role.TIER2, "close a " + severity.name() + " ticket"));
    }

    @ParameterizedTest
    @EnumSource(
            value = Severity.class,
            names = {"MEDIUM", "LOW"})
    void closingALesserTicketNeedsNoMore(Severity severity) {
        Ticket ticket = TicketFixtures.newTicket("INC-42", severity);

        assertThat(Permissions.forTicket(close(), ticket, ANALYST)).isEmpty();
    }

    @Test
    void loweringTheSeverityNeedsTierTwo() {
        Ticket ticket = TicketFixtures.newTicket("INC-42", Severity.HIGH);

        var requirement =
                Permissions.forTicket(new Command.ChangeSeverity("INC-42", Severity.LOW, "benign"), ticket, ANALYST);

        assertThat(requirement).map(Permissions.Requirement::role).contains(Role.TIER2);
    }

    @Test
    void raisingTheSeverityNeedsNoMore() {
        Ticket ticket = TicketFixtures.newTicket("INC-42", Severity.LOW);

        var requirement = Permissions.forTicket(
                new Command.ChangeSeverity("INC-42", Severity.HIGH, "spreading"), ticket, ANALYST);

        assertThat(requirement).isEmpty();
    }

    @Test
    void assigningSomeoneElseNeedsTierTwo() {
        Ticket ticket = TicketFixtures.newTicket("INC-42", Severity.LOW);

        var requirement = Permissions.forTicket(new Command.Assign("INC-42", "U0456EFGH"), ticket, ANALYST);

        assertThat(requirement).map(Permissions.Requirement::role).contains(Role.TIER2);
    }

    @Test
    void assigningYourselfNeedsNoMore() {
        Ticket ticket = TicketFixtures.newTicket("INC-42", Severity.LOW);

        assertThat(Permissions.forTicket(new Command.Assign("INC-42", UserReference.CALLER), ticket, ANALYST))
                .isEmpty();
        assertThat(Permissions.forTicket(new Command.Assign("INC-42", ANALYST.userId()), ticket, ANALYST))
                .isEmpty();
    }

    private static Command.Close close() {
        return new Command.Close("INC-42", Resolution.FALSE_POSITIVE, "vendor app", null, null, null, false);
    }
}
