package io.techbridge.listing.imports;

import java.util.List;

/**
 * A column an import knows, implemented by an enum of the record's parts: the names it may have
 * in a sheet (the first is the standard one, used in messages) and whether a sheet must have it.
 */
public interface ImportColumn {

    boolean required();

    /** The accepted names, without required mark or unit; the first is the standard name. */
    List<String> names();

    default String displayName() {
        return names().getFirst();
    }
}
