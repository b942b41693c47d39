Console.Error.WriteLine("annotatednorm: not implemented yet");
return 2;
