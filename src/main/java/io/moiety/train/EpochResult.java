package io.moiety.train;

import java.util.Locale;

/**
 * One finished epoch, as logged to {@code metrics.csv} and kept in the checkpoint.
 *
 * @param epoch                1-based epoch number
 * @param learningRate         learning rate at the epoch's last step
 * @param trainLoss            mean training loss over the epoch's steps
 * @param validLoss            validation loss with the EMA weights (same formula as the training loss)
 * @param validEnergyMaePerAtom validation energy MAE per atom (eV/atom)
 * @param validEnergyMae       validation total-energy MAE (eV)
 * @param validForceMae        validation force-component MAE (eV/Å)
 * @param wallSeconds          wall time since the run started, summed over resumed sessions (s)
 */
public record EpochResult(int epoch, double learningRate, double trainLoss, double validLoss,
                          double validEnergyMaePerAtom, double validEnergyMae, double validForceMae,
                          double wallSeconds) {

    /** CSV header matching {@link #csvRow()}. */
    public static final String CSV_HEADER = "epoch,lr,train_loss,val_loss,val_energy_mae_per_atom_eV,"
            + "val_energy_mae_eV,val_force_mae_eV_per_A,wall_s";

    /** Whether the epoch was validated; without validation frames the validation MAEs are NaN. */
    public boolean validated() {
        return !Double.isNaN(validEnergyMaePerAtom);
    }

    /**
     * The validation errors for a log line, {@code val energy MAE 1.234 meV/atom, force MAE 56.789 meV/Å},
     * or {@code no validation frames} for an epoch that was not validated.
     */
    public String validationSummary() {
        return validated() ? String.format(Locale.ROOT, "val energy MAE %.3f meV/atom, force MAE %.3f meV/Å",
                validEnergyMaePerAtom * 1000, validForceMae * 1000) : "no validation frames";
    }

    /** The epoch as one CSV line (no newline). */
    public String csvRow() {
        return epoch + "," + g(learningRate) + "," + g(trainLoss) + "," + g(validLoss) + ","
                + g(validEnergyMaePerAtom) + "," + g(validEnergyMae) + "," + g(validForceMae) + ","
                + String.format(Locale.ROOT, "%.2f", wallSeconds);
    }

    private static String g(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
