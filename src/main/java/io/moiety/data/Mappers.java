package io.moiety.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The project's shared Jackson mappers, configured once and never changed afterwards (Jackson
 * mappers are thread-safe in that use): YAML for definitions (models, suites, tasks) and indented
 * JSON for results and markers. Formats with their own needs (checkpoints, content hashes) keep
 * their own mapper beside the format.
 */
public final class Mappers {
    private Mappers() {}

    /** YAML reader and writer. */
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** JSON reader and indented writer. */
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
}
