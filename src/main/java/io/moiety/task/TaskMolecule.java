package io.moiety.task;

/**
 * One molecule of a task.
 *
 * @param name   dataset id (HDF5 group name), the same in every task that uses the molecule
 * @param smiles SMILES as written in the task file
 * @param role   train or OOD
 */
public record TaskMolecule(String name, String smiles, Role role) {}
