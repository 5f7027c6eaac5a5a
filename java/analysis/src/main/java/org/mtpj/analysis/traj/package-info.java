/**
 * Trajectories, streamed frame by frame: {@link org.mtpj.core.io.LammpsDumpReader} (text dumps,
 * any column order, triclinic, gzip, ~280 MB/s per core), {@link org.mtpj.core.io.XdatcarReader},
 * {@link org.mtpj.analysis.traj.ExtxyzReader}, {@link org.mtpj.analysis.traj.PoscarSeriesReader};
 * {@link org.mtpj.analysis.traj.TrajectoryFiles#open} picks the reader by name/content and chains
 * several files. A {@link org.mtpj.core.io.Frame} keeps rows in file order (ids, types, Cartesian
 * positions); {@link org.mtpj.analysis.traj.Unwrapper} makes continuous positions sorted by id
 * (analysis-spec §1.3); {@link org.mtpj.analysis.traj.SpeciesMap} maps types to species;
 * {@link org.mtpj.analysis.traj.StructureFrames} converts between frames and POSCAR structures;
 * {@link org.mtpj.analysis.traj.MobileTrajectory} collects the drift-corrected mobile atoms for MSD.
 */
package org.mtpj.analysis.traj;
