package io.github.aed.examples;

import io.github.aed.core.InvalidInputException;
import io.github.aed.examples.cli.Command;
import io.github.aed.examples.cli.UsageException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point of the {@code ./aed} launcher: dispatches to the sub-commands. */
public final class Main {

    /** Every sub-command, in the order {@code ./aed help} lists them. */
    static List<Command> commands() {
        return List.of(
                new InfoCommand(),
                new BenchCommand(),
                new DemoCommand(),
                new DetectCommand(),
                new TrainCommand(),
                new ScoreCommand(),
                new EvaluateCommand(),
                new LiveCommand(),
                new CustomTaskExample());
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Map<String, Command> byName = new LinkedHashMap<>();
        for (Command c : commands()) {
            byName.put(c.name(), c);
        }
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            if (args.length > 1 && byName.containsKey(args[1])) {
                System.out.println(byName.get(args[1]).usage());
            } else {
                printHelp(byName);
            }
            return 0;
        }
        Command command = byName.get(args[0]);
        if (command == null) {
            System.err.println("aed: unknown command '" + args[0] + "'");
            printHelp(byName);
            return 2;
        }
        try {
            return command.run(Arrays.copyOfRange(args, 1, args.length));
        } catch (UsageException e) {
            System.err.println("aed " + command.name() + ": " + e.getMessage());
            System.err.println();
            System.err.println(command.usage());
            return 2;
        } catch (InvalidInputException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("aed " + command.name() + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("aed " + command.name() + " failed: " + e);
            e.printStackTrace(System.err);
            return 1;
        }
    }

    private static void printHelp(Map<String, Command> byName) {
        System.out.println("aed: anomalous event detection in video (SSMTL, object-centric)");
        System.out.println();
        System.out.println("usage: ./aed COMMAND [options]     ./aed help COMMAND for a command's options");
        System.out.println();
        System.out.println("commands:");
        for (Command c : byName.values()) {
            System.out.printf("  %-10s %s%n", c.name(), c.summary());
        }
        System.out.printf("  %-10s %s%n", "help", "this list, or a command's options");
    }
}
