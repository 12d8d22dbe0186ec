package io.moiety.label;

import io.moiety.chem.SmilesGraph;

import java.io.Serializable;

/**
 * One molecule to generate: its dataset id, parsed SMILES, and whether it needs the second,
 * independent trajectory (training molecules in any selected task).
 */
public record MoleculeJob(String name, SmilesGraph molecule, boolean secondary) implements Serializable {}
