using NearDup.Sketching;

namespace NearDup.Tests;

public class ShingleStoreTests
{
    [Fact]
    public void The_spill_file_round_trips_and_leaves_nothing_in_the_folder_even_while_open()
    {
        string dir = Directory.CreateTempSubdirectory("neardup-spill-").FullName;
        try
        {
            var first = Enumerable.Range(0, 10_000).Select(i => (uint)(i * 2654435761u)).ToArray();
            var second = new uint[] { 7, 8, 9 };
            using (var store = new FileShingleStore(dir))
            {
                long a = store.Append(first), b = store.Append(second);
                var back = new uint[first.Length];
                store.Read(a, back);
                Assert.Equal(first, back);
                var back2 = new uint[3];
                store.Read(b, back2);
                Assert.Equal(second, back2);
                // A killed run must not leave its spill behind: on Unix the file is unlinked while in use.
                if (!OperatingSystem.IsWindows()) Assert.Empty(Directory.GetFileSystemEntries(dir));
            }
            Assert.Empty(Directory.GetFileSystemEntries(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
