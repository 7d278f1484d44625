#!/usr/bin/perl
# timed.pl LOG CMD [ARGS...]: runs CMD with stdout+stderr into LOG, prints the elapsed seconds read
# from CLOCK_MONOTONIC (not the wall clock, which NTP may step), and exits with CMD's exit code.
# The clock is read in this process around fork/wait, so perl's own start-up is not counted.
use strict;
use warnings;
use Time::HiRes qw(clock_gettime CLOCK_MONOTONIC);

my $log = shift @ARGV;
die "usage: timed.pl LOG CMD [ARGS...]\n" unless defined $log && @ARGV;
open(my $out, '>', $log) or die "timed.pl: cannot write $log: $!\n";
my $t0 = clock_gettime(CLOCK_MONOTONIC);
my $pid = fork();
die "timed.pl: fork failed: $!\n" unless defined $pid;
if ($pid == 0) {
    open(STDOUT, '>&', $out) or die;
    open(STDERR, '>&', $out) or die;
    exec { $ARGV[0] } @ARGV or die "timed.pl: cannot run $ARGV[0]: $!\n";
}
# Ctrl-C reaches the child through the terminal's process group; wait for it to finish.
local $SIG{INT} = 'IGNORE';
waitpid($pid, 0);
my $status = $?;
my $t1 = clock_gettime(CLOCK_MONOTONIC);
printf "%.3f\n", $t1 - $t0;
exit($status & 127 ? 128 + ($status & 127) : $status >> 8);
