package io.techbridge.achievement.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** What is wrong with one cell (or the whole row, without a column) of a row that was not imported. */
@Entity
@Table(name = "import_error")
public class ImportError {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false)
    public UUID jobId;

    @Column(name = "row_number", nullable = false)
    public int rowNumber;

    @Column(name = "column_name")
    public String columnName;

    @Column(nullable = false)
    public String message;
}
