package io.interdict.gateway.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.cli.InterdictVerify;
import io.interdict.gateway.support.ApiClient;
import io.interdict.gateway.support.ApiClient.Response;
import io.interdict.gateway.support.GatewayIntegrationTest;
import io.interdict.gateway.support.JdkEd25519;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;

/**
 * Issue 6 end to end: shares pushed over HTTP, a bundle exported over HTTP, and the offline verifier
 * run in-process on it; then the store edited as a superuser past the append-only triggers, and
 * the verifier names what was changed. Every edit is undone in the same way before the test ends
 * (the suite shares one gateway), while the Merkle log writer is kept out by holding its lock.
 */
class BundleIT extends GatewayIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** MerkleLogWriter.WRITER_LOCK ("IntdMLog"): while a test holds it, no append round runs. */
    private static final long WRITER_LOCK = 0x496e_7464_4d4c_6f67L;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path dir;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void anExportedBundleVerifiesAndATamperedPayloadOrADeletedLeafIsNamed() throws Exception {
        JdkEd25519 key = registerKey("amazon");
        List<String> recordIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            recordIds.add(push("amazon", "BUNDLE-" + i, key));
        }
        recordIds.add(push("amazon", "BUNDLE-UNSIGNED", null));
        long lastLeaf = awaitLeaf(recordIds.get(recordIds.size() - 1));
        awaitHeadCovering(lastLeaf);

        Verification clean = verify(export(""), null);
        assertThat(clean.status()).as(clean.output()).isZero();
        assertThat(clean.output()).endsWith("VERIFIED\n");

        String tampered = recordIds.get(1);
        String deleted = recordIds.get(0);
        long deletedLeaf = awaitLeaf(deleted);
        try (Connection superuser = dataSource.getConnection()) {
            holdWriterLock(superuser);
            try {
                byte[] original = jdbc.queryForObject(
                        "select payload from domain_event_entry where event_identifier = ?", byte[].class, tampered);
                byte[] changed = oneByteChanged(original, "BUNDLE-1");
                pastTheTriggers(
                        superuser,
                        "update domain_event_entry set payload = ? where event_identifier = ?",
                        changed,
                        tampered);
                try {
                    Verification afterEdit = verify(export(""), null);
                    assertThat(afterEdit.status()).as(afterEdit.output()).isEqualTo(1);
                    assertThat(afterEdit.output())
                            .contains("record " + tampered + " GATEWAY_SIGNATURE: BAD_SIGNATURE")
                            .contains("FAIL log ROOT_MISMATCH")
                            .endsWith("FAILED\n");
                } finally {
                    pastTheTriggers(
                            superuser,
                            "update domain_event_entry set payload = ? where event_identifier = ?",
                            original,
                            tampered);
                }

                Map<String, Object> leafRow =
                        jdbc.queryForMap("select * from merkle_leaf where event_identifier = ?", deleted);
                pastTheTriggers(superuser, "delete from merkle_leaf where event_identifier = ?", deleted);
                try {
                    Verification afterDelete = verify(export(""), null);
                    assertThat(afterDelete.status()).as(afterDelete.output()).isEqualTo(1);
                    assertThat(afterDelete.output())
                            .contains("FAIL leaf " + (deletedLeaf + 1))
                            .contains("LEAF_GAP: expected leaf " + deletedLeaf + ", found " + (deletedLeaf + 1))
                            .contains("RECORD_COUNT")
                            .contains("ROOT_MISMATCH");
                } finally {
                    pastTheTriggers(
                            superuser,
                            "insert into merkle_leaf (leaf_index, global_index, event_identifier, leaf_hash, appended_at)"
                                    + " values (?, ?, ?, ?, ?)",
                            leafRow.get("leaf_index"),
                            leafRow.get("global_index"),
                            leafRow.get("event_identifier"),
                            leafRow.get("leaf_hash"),
                            leafRow.get("appended_at"));
                }
            } finally {
                releaseWriterLock(superuser);
            }
        }

        Verification restored = verify(export(""), null);
        assertThat(restored.status()).as(restored.output()).isZero();
    }

    @Test
    void twoHeadsBeforeAndAfterMorePushesAreProvenConsistentAndForgedHeadsAreRejected() throws Exception {
        long before = awaitLeaf(push("amazon", "BEFORE", null));
        JsonNode firstHead = awaitHeadCovering(before);
        long after = awaitLeaf(push("amazon", "AFTER-1", null));
        awaitLeaf(push("amazon", "AFTER-2", null));
        JsonNode secondHead = awaitHeadCovering(after + 1);
        long m = firstHead.get("treeSize").asLong();
        assertThat(secondHead.get("treeSize").asLong()).isGreaterThan(m);

        Path bundle = export("?firstTreeSize=" + m + "&from=" + before);
        Path trusted = dir.resolve("trusted-" + UUID.randomUUID() + ".json");
        Files.writeString(trusted, firstHead.toString());
        Verification consistent = verify(bundle, trusted);
        assertThat(consistent.status()).as(consistent.output()).isZero();
        assertThat(consistent.output()).contains("consistent from " + m + ", trusted head " + m);

        ObjectNode forgedTrusted = firstHead.deepCopy();
        forgedTrusted.put("rootHash", otherRoot(firstHead));
        Files.writeString(trusted, forgedTrusted.toString());
        Verification forged = verify(bundle, trusted);
        assertThat(forged.status()).isEqualTo(1);
        assertThat(forged.output()).contains("TRUSTED_HEAD_SIGNATURE").contains("FAIL log TRUSTED_HEAD:");

        ObjectNode edited = (ObjectNode) ApiClient.JSON.readTree(bundle.toFile());
        ((ObjectNode) edited.get("treeHead")).put("rootHash", otherRoot(edited.get("treeHead")));
        Path forgedBundle = dir.resolve("forged-head.json");
        Files.write(forgedBundle, ApiClient.JSON.writeValueAsBytes(edited));
        Verification forgedHead = verify(forgedBundle, null);
        assertThat(forgedHead.status()).isEqualTo(1);
        assertThat(forgedHead.output()).contains("FAIL log TREE_HEAD_SIGNATURE: treeHead");
    }

    @Test
    void everyExportedPageIsRecordedInTheAccessLogBeforeItLeaves() throws Exception {
        long before = bundleReads();

        export("?from=0");

        assertThat(bundleReads()).isGreaterThan(before);
        String recordIds = jdbc.queryForObject(
                "select convert_from(payload, 'UTF8')::jsonb ->> 'recordIds' from domain_event_entry"
                        + " where payload_type = 'io.interdict.domain.access.RecordsRead'"
                        + " and convert_from(payload, 'UTF8')::jsonb ->> 'request' like 'GET /api/v1/audit/bundle%'"
                        + " order by global_index desc limit 1",
                String.class);
        assertThat(recordIds).startsWith("[\"");
    }

    private long bundleReads() {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type = 'io.interdict.domain.access.RecordsRead'"
                        + " and convert_from(payload, 'UTF8')::jsonb ->> 'reader' = 'auditor'"
                        + " and convert_from(payload, 'UTF8')::jsonb ->> 'request' like 'GET /api/v1/audit/bundle%'",
                Long.class);
    }

    @Test
    void theBundleNeedsTheAuditScopeAndAToken() {
        awaitLeaf(push("amazon", "SCOPE", null));
        assertThat(api.get("auditor", "/api/v1/audit/bundle?from=0").status()).isEqualTo(200);
        assertThat(api.get("amazon", "/api/v1/audit/bundle").status()).isEqualTo(403);
        assertThat(api.get(null, "/api/v1/audit/bundle").status()).isEqualTo(401);
        Response bad = api.get("auditor", "/api/v1/audit/bundle?from=-1");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asText()).contains("from");
        assertThat(api.get("auditor", "/api/v1/audit/bundle?firstTreeSize=0").status())
                .isEqualTo(400);
    }

    /**
     * A database lost after the header was read but before the first record left (here: the access
     * log's append refused with SQLSTATE 57P01, as a server shutting down answers) is a 503 problem,
     * not a 200 with a problem glued to the bundle's first bytes; and no read is logged.
     */
    @Test
    void aDatabaseLostBeforeTheFirstRecordLeftIsA503ProblemNotA200() {
        long leaf = awaitLeaf(push("amazon", "LOST-DB", null));
        awaitHeadCovering(leaf);
        long before = bundleReads();
        jdbc.execute("create function interdict_test_lose_bundle_reads() returns trigger language plpgsql as $$"
                + " begin"
                + "   if new.payload_type = 'io.interdict.domain.access.RecordsRead'"
                + "      and convert_from(new.payload, 'UTF8')::jsonb ->> 'request' like 'GET /api/v1/audit/bundle%' then"
                + "     raise exception 'test: the database is shutting down' using errcode = 'admin_shutdown';"
                + "   end if;"
                + "   return new;"
                + " end $$");
        try {
            jdbc.execute("create trigger interdict_test_lose_bundle_reads before insert on domain_event_entry"
                    + " for each row execute function interdict_test_lose_bundle_reads()");
            Response lost = api.get("auditor", "/api/v1/audit/bundle?from=0");

            assertThat(lost.status()).as(lost.body()).isEqualTo(503);
            assertThat(lost.header("Content-Type")).startsWith("application/problem+json");
            assertThat(lost.header("Retry-After")).isEqualTo("5");
            assertThat(lost.header("Content-Disposition")).isNull();
            assertThat(lost.json().get("detail").asText()).contains("database");
        } finally {
            jdbc.execute("drop trigger if exists interdict_test_lose_bundle_reads on domain_event_entry");
            jdbc.execute("drop function interdict_test_lose_bundle_reads()");
        }
        assertThat(bundleReads()).isEqualTo(before);
        assertThat(api.get("auditor", "/api/v1/audit/bundle?from=0").status()).isEqualTo(200);
    }

    // --- helpers ---

    record Verification(int status, String output) {}

    private Verification verify(Path bundle, Path trusted) {
        StringWriter out = new StringWriter();
        CommandLine command = InterdictVerify.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(out, true));
        int status = trusted == null
                ? command.execute("bundle", "--bundle", bundle.toString())
                : command.execute("bundle", "--bundle", bundle.toString(), "--trusted-tree-head", trusted.toString());
        return new Verification(status, out.toString());
    }

    private Path export(String query) throws Exception {
        Response response = api.get("auditor", "/api/v1/audit/bundle" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Path file = dir.resolve("bundle-" + UUID.randomUUID() + ".json");
        Files.writeString(file, response.body(), StandardCharsets.UTF_8);
        return file;
    }

    private JdkEd25519 registerKey(String partner) {
        JdkEd25519 key = JdkEd25519.generate(
                partner + "-bundle-" + UUID.randomUUID().toString().substring(0, 8));
        Response registered = api.post(partner, "/api/v1/partners/me/keys", key.publicJwk());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        await().atMost(WAIT)
                .until(() ->
                        jdbc.queryForObject("select count(*) from partner_key where kid = ?", Long.class, key.kid())
                                == 1);
        return key;
    }

    /** Pushes a share (signed when {@code key} is given) and answers its record id. */
    private String push(String partner, String sellerAccount, JdkEd25519 key) {
        String body =
                shareBody(sellerAccount + "-" + UUID.randomUUID().toString().substring(0, 8));
        Map<String, String> headers = key == null ? Map.of() : Map.of("Interdict-Signature", key.signDetached(body));
        Response pushed = api.post(partner, "/api/v1/shares", body, headers);
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
        return pushed.json().get("recordId").asText();
    }

    /** A push body already in RFC 8785 form, so it is exactly what is signed. */
    private static String shareBody(String sellerAccount) {
        return "{\"audience\":[\"cbp\",\"ipr-center\"],\"confidence\":85,\"evidence\":[{\"description\":\"listing"
                + " capture\",\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}],"
                + "\"indicators\":[\"price 80% under list\",\"logo mismatch\"],\"kind\":\"COUNTERFEIT_PRODUCT\","
                + "\"marking\":\"TLP:AMBER\",\"subject\":{\"consignee\":\"Northline Imports LLC\",\"hsCode\":\"6403.99\","
                + "\"originCountry\":\"CN\",\"portOfEntry\":\"USLAX\",\"productId\":\"B0CXY12345\",\"sellerAccount\":\""
                + sellerAccount + "\",\"trackingNumber\":\"JD014600006281234567\"}}";
    }

    private long awaitLeaf(String eventIdentifier) {
        return await().atMost(WAIT)
                .until(
                        () -> jdbc.queryForList(
                                "select leaf_index from merkle_leaf where event_identifier = ?",
                                Long.class,
                                eventIdentifier),
                        found -> !found.isEmpty())
                .get(0);
    }

    private JsonNode awaitHeadCovering(long leafIndex) {
        return await().atMost(WAIT)
                .until(
                        () -> api.get("auditor", "/api/v1/log/tree-head").json(),
                        head -> head.has("treeSize") && head.get("treeSize").asLong() > leafIndex);
    }

    private static byte[] oneByteChanged(byte[] payload, String marker) {
        String text = new String(payload, StandardCharsets.UTF_8);
        int at = text.indexOf(marker);
        assertThat(at).as("marker in the stored payload").isNotNegative();
        byte[] changed = payload.clone();
        int position = text.substring(0, at + marker.length() - 1).getBytes(StandardCharsets.UTF_8).length;
        changed[position] = (byte) (changed[position] == '1' ? '2' : '1');
        return changed;
    }

    private static String otherRoot(JsonNode head) {
        byte[] root = Base64.getDecoder().decode(head.get("rootHash").asText());
        root[31] ^= 1;
        return Base64.getEncoder().encodeToString(root);
    }

    private static void holdWriterLock(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            // Blocks until any running append round has committed; later rounds skip while held.
            statement.execute("select pg_advisory_lock(" + WRITER_LOCK + ")");
        }
    }

    private static void releaseWriterLock(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + WRITER_LOCK + ")");
        }
    }

    /** One statement as a superuser with triggers off (PRODUCT.md §5: only such a user gets past them). */
    private static void pastTheTriggers(Connection connection, String sql, Object... parameters) throws Exception {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local session_replication_role = replica");
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    update.setObject(i + 1, parameters[i]);
                }
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
        } catch (Exception e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
