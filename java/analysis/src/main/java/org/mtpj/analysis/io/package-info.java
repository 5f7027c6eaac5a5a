/**
 * Structure files: {@link org.mtpj.analysis.io.PoscarReader} / {@link org.mtpj.analysis.io.PoscarWriter}
 * (POSCAR, CONTCAR; VASP 4 and 5; Direct/Cartesian; selective dynamics; gzip) to and from
 * {@link org.mtpj.analysis.io.Structure} (cell rows in Å, species blocks, Cartesian and fractional
 * coordinates), {@link org.mtpj.analysis.io.Cell} (fractional ↔ Cartesian, r = f·[a;b;c]),
 * {@link org.mtpj.analysis.io.Elements} (symbols, Z, standard masses),
 * fixed-point numbers through core's {@link org.mtpj.core.io.CNumbers} (printf-exact). Every bad file is an
 * {@link org.mtpj.core.io.InputFormatException} naming file:line.
 */
package org.mtpj.analysis.io;
