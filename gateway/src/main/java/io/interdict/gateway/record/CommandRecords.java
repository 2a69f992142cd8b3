package io.interdict.gateway.record;

import io.interdict.audit.record.SignedRecord;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a command and answers with the signed record of the event it caused: the event the store
 * appended for this very command ({@link AppendedRecords}), so the record returned is this command's
 * own event even when other commands on the same aggregate commit at the same time. The command
 * also carries a fresh id in its metadata, which Axon copies onto the events it causes; should the
 * command be handled on another thread, the record is found in the store by that id.
 */
@Component
public class CommandRecords {

    /** Event metadata: the id of the command that caused the event. */
    public static final String COMMAND_ID = "commandId";

    private final CommandGateway commands;
    private final SignedRecords records;
    private final AppendedRecords appended;
    private final JdbcTemplate jdbc;

    CommandRecords(CommandGateway commands, SignedRecords records, AppendedRecords appended, JdbcTemplate jdbc) {
        this.commands = commands;
        this.records = records;
        this.appended = appended;
        this.jdbc = jdbc;
    }

    /** Copies {@link #COMMAND_ID} from a command to the events it causes. */
    @Bean
    static CorrelationDataProvider commandIdCorrelation() {
        return new SimpleCorrelationDataProvider(COMMAND_ID);
    }

    /**
     * Sends {@code command} (whose target aggregate is {@code aggregateId}), waits for it to be
     * stored, and returns the signed record of the first event it caused. A refusal by the domain
     * is thrown as the domain's own exception.
     */
    public SignedRecord send(String aggregateId, Object command) {
        String commandId = UUID.randomUUID().toString();
        List<SignedRecord> caused = appended.of(
                aggregateId,
                () -> commands.sendAndWait(
                        GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(COMMAND_ID, commandId))));
        if (!caused.isEmpty()) {
            return caused.get(0);
        }
        return jdbc
                .query(
                        "select " + SignedRecords.COLUMNS + " from domain_event_entry where aggregate_identifier = ?"
                                + " and convert_from(meta_data, 'UTF8')::jsonb ->> ? = ? order by sequence_number",
                        records::fromRow,
                        aggregateId,
                        COMMAND_ID,
                        commandId)
                .stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "command " + commandId + " on " + aggregateId + " was handled but stored no event"));
    }
}
