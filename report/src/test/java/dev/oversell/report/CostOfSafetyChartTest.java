package dev.oversell.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cost-of-safety chart: every design divided by its engine's raw UPDATE, the Pekko cluster's among them. */
class CostOfSafetyChartTest {

    private static final String RATIOS = """
            [{"group": "in-memory", "engine": null, "variant": "cas-loop", "threads": 4, "ratio": 1.0},
             {"group": "database", "engine": "postgresql", "variant": "raw-update", "threads": 4, "ratio": 1.0},
             {"group": "database", "engine": "postgresql", "variant": "db-conditional-update", "threads": 4, "ratio": 0.54},
             {"group": "database", "engine": "postgresql", "variant": "db-single-owner-actor", "threads": 4, "ratio": 0.4},
             {"group": "cluster", "engine": "postgresql", "variant": "pekko-sharded-owner-fenced", "threads": 4, "ratio": 0.16},
             {"group": "cluster", "engine": "postgresql", "variant": "pekko-sharded-owner-fenced", "threads": 8, "ratio": 0.48}]
            """;

    @Test
    void showsTheShardedOwnerBesideTheDatabaseDesignsAtFourClients() throws Exception {
        JsonNode ratios = new ObjectMapper().readTree(RATIOS);

        String chart = Charts.costOfSafety(ratios);

        assertThat(chart).contains("<title>pekko-sharded-owner-fenced, postgresql: 0.16</title>")
                .contains("<title>db-single-owner-actor, postgresql: 0.40</title>")
                .contains("<title>db-conditional-update, postgresql: 0.54</title>")
                .doesNotContain("0.48")
                .doesNotContain("cas-loop");
    }
}
